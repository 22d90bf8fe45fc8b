<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>items</name>
    <message>
        <source>workup.staging</source>
        <translation>分期检查</translation>
    </message>
    <message>
        <source>imaging.baseline</source>
        <translation>基线全身影像学检查</translation>
    </message>
    <message>
        <source>imaging.smm_mri</source>
        <translation>SMM 全身 MRI</translation>
    </message>
    <message>
        <source>imaging.smm_followup</source>
        <translation>SMM 年度影像学随访</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet</source>
        <translation>ASCT 前 PET-CT</translation>
    </message>
    <message>
        <source>bta.start</source>
        <translation>开始骨靶向治疗</translation>
    </message>
    <message>
        <source>bta.next_dose</source>
        <translation>下次骨靶向治疗给药</translation>
    </message>
    <message>
        <source>bta.review</source>
        <translation>骨靶向治疗评估</translation>
    </message>
    <message>
        <source>dental.before_bta</source>
        <translation>骨靶向治疗前口腔检查</translation>
    </message>
    <message>
        <source>dental.periodic</source>
        <translation>定期口腔检查</translation>
    </message>
    <message>
        <source>renal.before_bisphosphonate</source>
        <translation>双膦酸盐给药前肌酐检测</translation>
    </message>
    <message>
        <source>renal.za_dose</source>
        <translation>唑来膦酸剂量与肾功能</translation>
    </message>
    <message>
        <source>calcium.before_denosumab</source>
        <translation>地舒单抗给药前血钙检测</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia</source>
        <translation>地舒单抗治疗期间低钙血症</translation>
    </message>
    <message>
        <source>supplement.ca_vitd</source>
        <translation>补充钙剂和维生素 D</translation>
    </message>
    <message>
        <source>vitd.level</source>
        <translation>25-羟维生素 D 水平</translation>
    </message>
    <message>
        <source>denosumab.bridge</source>
        <translation>地舒单抗停药后双膦酸盐序贯治疗</translation>
    </message>
    <message>
        <source>alert.onj_risk</source>
        <translation>颌骨坏死（ONJ）风险：有创牙科操作</translation>
    </message>
    <message>
        <source>labs.monitoring</source>
        <translation>M 蛋白和游离轻链监测</translation>
    </message>
    <message>
        <source>smm.risk</source>
        <translation>SMM 危险分层再评估</translation>
    </message>
    <message>
        <source>mrd.end_of_induction</source>
        <translation>诱导治疗结束时 MRD 检测</translation>
    </message>
    <message>
        <source>mrd.pre_asct</source>
        <translation>ASCT 前 MRD 检测</translation>
    </message>
    <message>
        <source>mrd.day100</source>
        <translation>ASCT 后第 100 天 MRD 检测</translation>
    </message>
    <message>
        <source>mrd.annual</source>
        <translation>维持治疗或持续治疗期间每年 MRD 检测</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia</source>
        <translation>高钙血症</translation>
    </message>
    <message>
        <source>alert.smm_mde</source>
        <translation>SMM 出现骨髓瘤定义事件</translation>
    </message>
    <message>
        <source>alert.smm_high_risk</source>
        <translation>高危 SMM</translation>
    </message>
    <message>
        <source>alert.pangea_evolving</source>
        <translation>动态演变生物标志物（PANGEA-SMM）</translation>
    </message>
    <message>
        <source>alert.progression</source>
        <translation>疾病进展</translation>
    </message>
    <message>
        <source>asct.conditioning_note</source>
        <translation>美法仑 200 与 140：循证提示</translation>
    </message>
    <message>
        <source>record.phase</source>
        <translation>记录病程阶段</translation>
    </message>
    <message>
        <source>record.treatment_line</source>
        <translation>记录治疗线</translation>
    </message>
    <message>
        <source>asct.outcome</source>
        <translation>计划移植的结局</translation>
    </message>
    <message>
        <source>alert.mrd_lost</source>
        <translation>MRD 阴性丢失</translation>
    </message>
    <message>
        <source>bta.resume</source>
        <translation>暂停后恢复骨靶向治疗</translation>
    </message>
    <message>
        <source>renal.pamidronate</source>
        <translation>帕米膦酸与肾功能</translation>
    </message>
</context>
</TS>
