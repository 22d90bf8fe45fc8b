<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>items</name>
    <message>
        <source>workup.staging</source>
        <extracomment>Staging work-up</extracomment>
        <translation>分期检查</translation>
    </message>
    <message>
        <source>imaging.baseline</source>
        <extracomment>Baseline whole-body imaging</extracomment>
        <translation>基线全身影像学检查</translation>
    </message>
    <message>
        <source>imaging.smm_mri</source>
        <extracomment>Whole-body MRI in SMM</extracomment>
        <translation>SMM 全身 MRI</translation>
    </message>
    <message>
        <source>imaging.smm_followup</source>
        <extracomment>Yearly imaging in SMM</extracomment>
        <translation>SMM 年度影像学随访</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet</source>
        <extracomment>PET-CT before ASCT</extracomment>
        <translation>ASCT 前 PET-CT</translation>
    </message>
    <message>
        <source>bta.start</source>
        <extracomment>Start bone-targeted therapy</extracomment>
        <translation>开始骨靶向治疗</translation>
    </message>
    <message>
        <source>bta.next_dose</source>
        <extracomment>Next bone-targeted therapy dose</extracomment>
        <translation>下次骨靶向治疗给药</translation>
    </message>
    <message>
        <source>bta.review</source>
        <extracomment>Bone-targeted therapy review</extracomment>
        <translation>骨靶向治疗评估</translation>
    </message>
    <message>
        <source>dental.before_bta</source>
        <extracomment>Dental check before bone-targeted therapy</extracomment>
        <translation>骨靶向治疗前口腔检查</translation>
    </message>
    <message>
        <source>dental.periodic</source>
        <extracomment>Periodic dental check</extracomment>
        <translation>定期口腔检查</translation>
    </message>
    <message>
        <source>renal.before_bisphosphonate</source>
        <extracomment>Creatinine before a bisphosphonate dose</extracomment>
        <translation>双膦酸盐给药前肌酐检测</translation>
    </message>
    <message>
        <source>renal.za_dose</source>
        <extracomment>Zoledronic acid dose and renal function</extracomment>
        <translation>唑来膦酸剂量与肾功能</translation>
    </message>
    <message>
        <source>calcium.before_denosumab</source>
        <extracomment>Calcium before denosumab</extracomment>
        <translation>地舒单抗给药前血钙检测</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia</source>
        <extracomment>Hypocalcaemia on denosumab</extracomment>
        <translation>地舒单抗治疗期间低钙血症</translation>
    </message>
    <message>
        <source>supplement.ca_vitd</source>
        <extracomment>Calcium and vitamin D supplementation</extracomment>
        <translation>补充钙剂和维生素 D</translation>
    </message>
    <message>
        <source>vitd.level</source>
        <extracomment>25-OH vitamin D level</extracomment>
        <translation>25-羟维生素 D 水平</translation>
    </message>
    <message>
        <source>denosumab.bridge</source>
        <extracomment>Bisphosphonate after denosumab</extracomment>
        <translation>地舒单抗停药后双膦酸盐序贯治疗</translation>
    </message>
    <message>
        <source>alert.onj_risk</source>
        <extracomment>ONJ risk: invasive dental procedure</extracomment>
        <translation>颌骨坏死（ONJ）风险：有创牙科操作</translation>
    </message>
    <message>
        <source>labs.monitoring</source>
        <extracomment>M-protein and FLC monitoring</extracomment>
        <translation>M 蛋白和游离轻链监测</translation>
    </message>
    <message>
        <source>smm.risk</source>
        <extracomment>SMM risk re-scoring</extracomment>
        <translation>SMM 危险分层再评估</translation>
    </message>
    <message>
        <source>mrd.end_of_induction</source>
        <extracomment>MRD at the end of induction</extracomment>
        <translation>诱导治疗结束时 MRD 检测</translation>
    </message>
    <message>
        <source>mrd.pre_asct</source>
        <extracomment>MRD before ASCT</extracomment>
        <translation>ASCT 前 MRD 检测</translation>
    </message>
    <message>
        <source>mrd.day100</source>
        <extracomment>MRD at day +100 after ASCT</extracomment>
        <translation>ASCT 后第 100 天 MRD 检测</translation>
    </message>
    <message>
        <source>mrd.annual</source>
        <extracomment>Yearly MRD in maintenance or continuous therapy</extracomment>
        <translation>维持治疗或持续治疗期间每年 MRD 检测</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia</source>
        <extracomment>Hypercalcaemia</extracomment>
        <translation>高钙血症</translation>
    </message>
    <message>
        <source>alert.smm_mde</source>
        <extracomment>Myeloma-defining event in SMM</extracomment>
        <translation>SMM 出现骨髓瘤定义事件</translation>
    </message>
    <message>
        <source>alert.smm_high_risk</source>
        <extracomment>High-risk SMM</extracomment>
        <translation>高危 SMM</translation>
    </message>
    <message>
        <source>alert.pangea_evolving</source>
        <extracomment>Evolving biomarkers (PANGEA-SMM)</extracomment>
        <translation>动态演变生物标志物（PANGEA-SMM）</translation>
    </message>
    <message>
        <source>alert.progression</source>
        <extracomment>Progressive disease</extracomment>
        <translation>疾病进展</translation>
    </message>
    <message>
        <source>asct.conditioning_note</source>
        <extracomment>Melphalan 200 vs 140: evidence note</extracomment>
        <translation>美法仑 200 与 140：循证提示</translation>
    </message>
    <message>
        <source>record.phase</source>
        <extracomment>Record the disease phase</extracomment>
        <translation>记录病程阶段</translation>
    </message>
    <message>
        <source>record.treatment_line</source>
        <extracomment>Record the treatment line</extracomment>
        <translation>记录治疗线</translation>
    </message>
    <message>
        <source>bta.resume</source>
        <extracomment>Resume bone-targeted therapy after a hold</extracomment>
        <translation>暂停后恢复骨靶向治疗</translation>
    </message>
    <message>
        <source>renal.pamidronate</source>
        <extracomment>Pamidronate and renal function</extracomment>
        <translation>帕米膦酸与肾功能</translation>
    </message>
    <message>
        <source>alert.mrd_lost</source>
        <extracomment>Loss of MRD negativity</extracomment>
        <translation>MRD 阴性丢失</translation>
    </message>
    <message>
        <source>asct.outcome</source>
        <extracomment>Outcome of the planned transplant</extracomment>
        <translation>计划移植的结局</translation>
    </message>
</context>
</TS>
