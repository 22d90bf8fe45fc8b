<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>codes</name>
    <message>
        <source>, </source>
        <extracomment>The separator of a list of codes</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>F</source>
        <comment>sex</comment>
        <extracomment>female</extracomment>
        <translation>女</translation>
    </message>
    <message>
        <source>M</source>
        <comment>sex</comment>
        <extracomment>male</extracomment>
        <translation>男</translation>
    </message>
    <message>
        <source>imaging</source>
        <comment>family</comment>
        <extracomment>Imaging</extracomment>
        <translation>影像学检查</translation>
    </message>
    <message>
        <source>dental</source>
        <comment>family</comment>
        <extracomment>Dental</extracomment>
        <translation>口腔检查</translation>
    </message>
    <message>
        <source>bone_therapy</source>
        <comment>family</comment>
        <extracomment>Bone therapy</extracomment>
        <translation>骨靶向治疗</translation>
    </message>
    <message>
        <source>renal</source>
        <comment>family</comment>
        <extracomment>Renal</extracomment>
        <translation>肾功能</translation>
    </message>
    <message>
        <source>calcium_vitamin_d</source>
        <comment>family</comment>
        <extracomment>Calcium/vitamin D</extracomment>
        <translation>钙和维生素 D</translation>
    </message>
    <message>
        <source>mrd</source>
        <comment>family</comment>
        <extracomment>MRD</extracomment>
        <translation>MRD</translation>
    </message>
    <message>
        <source>labs</source>
        <comment>family</comment>
        <extracomment>Labs</extracomment>
        <translation>实验室检查</translation>
    </message>
    <message>
        <source>staging</source>
        <comment>family</comment>
        <extracomment>Staging</extracomment>
        <translation>分期</translation>
    </message>
    <message>
        <source>transplant</source>
        <comment>family</comment>
        <extracomment>Transplant</extracomment>
        <translation>移植</translation>
    </message>
    <message>
        <source>record</source>
        <comment>family</comment>
        <extracomment>Record</extracomment>
        <translation>病历记录</translation>
    </message>
    <message>
        <source>alerts</source>
        <comment>family</comment>
        <extracomment>Alerts</extracomment>
        <translation>警示</translation>
    </message>
    <message>
        <source>active</source>
        <extracomment>in care</extracomment>
        <translation>随访中</translation>
    </message>
    <message>
        <source>deceased</source>
        <extracomment>deceased</extracomment>
        <translation>已故</translation>
    </message>
    <message>
        <source>transferred</source>
        <extracomment>transferred out</extracomment>
        <translation>已转出</translation>
    </message>
    <message>
        <source>SMM</source>
        <extracomment>smouldering myeloma (SMM)</extracomment>
        <translation>冒烟型骨髓瘤（SMM）</translation>
    </message>
    <message>
        <source>NDMM</source>
        <extracomment>newly diagnosed MM (NDMM)</extracomment>
        <translation>新诊断多发性骨髓瘤（NDMM）</translation>
    </message>
    <message>
        <source>ASCT</source>
        <extracomment>autologous stem-cell transplant (ASCT)</extracomment>
        <translation>自体造血干细胞移植（ASCT）</translation>
    </message>
    <message>
        <source>MAINTENANCE</source>
        <extracomment>maintenance</extracomment>
        <translation>维持治疗</translation>
    </message>
    <message>
        <source>RELAPSE</source>
        <extracomment>relapse</extracomment>
        <translation>复发</translation>
    </message>
    <message>
        <source>serum_m_protein</source>
        <extracomment>serum M-protein</extracomment>
        <translation>血清 M 蛋白</translation>
    </message>
    <message>
        <source>urine_m_protein</source>
        <extracomment>urine M-protein</extracomment>
        <translation>尿 M 蛋白</translation>
    </message>
    <message>
        <source>serum_immunofixation</source>
        <extracomment>serum immunofixation</extracomment>
        <translation>血清免疫固定电泳</translation>
    </message>
    <message>
        <source>urine_immunofixation</source>
        <extracomment>urine immunofixation</extracomment>
        <translation>尿免疫固定电泳</translation>
    </message>
    <message>
        <source>flc_kappa</source>
        <extracomment>FLC κ</extracomment>
        <translation>游离 κ 轻链</translation>
    </message>
    <message>
        <source>flc_lambda</source>
        <extracomment>FLC λ</extracomment>
        <translation>游离 λ 轻链</translation>
    </message>
    <message>
        <source>bm_plasma_cells</source>
        <extracomment>bone-marrow plasma cells</extracomment>
        <translation>骨髓浆细胞比例</translation>
    </message>
    <message>
        <source>hemoglobin</source>
        <extracomment>hemoglobin</extracomment>
        <translation>血红蛋白</translation>
    </message>
    <message>
        <source>calcium</source>
        <extracomment>calcium</extracomment>
        <translation>血钙</translation>
    </message>
    <message>
        <source>albumin</source>
        <extracomment>albumin</extracomment>
        <translation>白蛋白</translation>
    </message>
    <message>
        <source>creatinine</source>
        <extracomment>creatinine</extracomment>
        <translation>肌酐</translation>
    </message>
    <message>
        <source>beta2_microglobulin</source>
        <extracomment>β2-microglobulin</extracomment>
        <translation>β2 微球蛋白</translation>
    </message>
    <message>
        <source>ldh</source>
        <extracomment>LDH</extracomment>
        <translation>乳酸脱氢酶（LDH）</translation>
    </message>
    <message>
        <source>vitamin_d_25oh</source>
        <extracomment>25-OH vitamin D</extracomment>
        <translation>25-羟维生素 D</translation>
    </message>
    <message>
        <source>positive</source>
        <extracomment>positive</extracomment>
        <translation>阳性</translation>
    </message>
    <message>
        <source>negative</source>
        <extracomment>negative</extracomment>
        <translation>阴性</translation>
    </message>
    <message>
        <source>total</source>
        <extracomment>total</extracomment>
        <translation>总钙</translation>
    </message>
    <message>
        <source>adjusted</source>
        <extracomment>lab-adjusted</extracomment>
        <translation>实验室校正</translation>
    </message>
    <message>
        <source>ionised</source>
        <extracomment>ionised</extracomment>
        <translation>离子钙</translation>
    </message>
    <message>
        <source>IgG</source>
        <extracomment>IgG</extracomment>
        <translation>IgG</translation>
    </message>
    <message>
        <source>IgA</source>
        <extracomment>IgA</extracomment>
        <translation>IgA</translation>
    </message>
    <message>
        <source>IgM</source>
        <extracomment>IgM</extracomment>
        <translation>IgM</translation>
    </message>
    <message>
        <source>IgD</source>
        <extracomment>IgD</extracomment>
        <translation>IgD</translation>
    </message>
    <message>
        <source>IgE</source>
        <extracomment>IgE</extracomment>
        <translation>IgE</translation>
    </message>
    <message>
        <source>light_chain_only</source>
        <extracomment>light chain only</extracomment>
        <translation>轻链型</translation>
    </message>
    <message>
        <source>non_secretory</source>
        <extracomment>non-secretory</extracomment>
        <translation>不分泌型</translation>
    </message>
    <message>
        <source>kappa</source>
        <extracomment>κ</extracomment>
        <translation>κ</translation>
    </message>
    <message>
        <source>lambda</source>
        <extracomment>λ</extracomment>
        <translation>λ</translation>
    </message>
    <message>
        <source>normal</source>
        <extracomment>normal</extracomment>
        <translation>正常</translation>
    </message>
    <message>
        <source>gain</source>
        <extracomment>gain (3 copies)</extracomment>
        <translation>获得（3 拷贝）</translation>
    </message>
    <message>
        <source>amplification</source>
        <extracomment>amplification (4 or more copies)</extracomment>
        <translation>扩增（≥4 拷贝）</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>none</extracomment>
        <translation>无</translation>
    </message>
    <message>
        <source>monoallelic</source>
        <extracomment>monoallelic</extracomment>
        <translation>单等位基因缺失</translation>
    </message>
    <message>
        <source>biallelic</source>
        <extracomment>biallelic</extracomment>
        <translation>双等位基因缺失</translation>
    </message>
    <message>
        <source>FISH</source>
        <extracomment>FISH</extracomment>
        <translation>荧光原位杂交（FISH）</translation>
    </message>
    <message>
        <source>karyotype</source>
        <extracomment>karyotype</extracomment>
        <translation>染色体核型</translation>
    </message>
    <message>
        <source>NGS</source>
        <extracomment>NGS</extracomment>
        <translation>二代测序（NGS）</translation>
    </message>
    <message>
        <source>WBLDCT</source>
        <extracomment>whole-body low-dose CT</extracomment>
        <translation>全身低剂量 CT</translation>
    </message>
    <message>
        <source>PET_CT</source>
        <extracomment>PET-CT</extracomment>
        <translation>PET-CT</translation>
    </message>
    <message>
        <source>WB_MRI</source>
        <extracomment>whole-body MRI</extracomment>
        <translation>全身 MRI</translation>
    </message>
    <message>
        <source>skeletal_survey</source>
        <extracomment>skeletal survey</extracomment>
        <translation>全身骨骼 X 线检查</translation>
    </message>
    <message>
        <source>other</source>
        <extracomment>other imaging</extracomment>
        <translation>其他影像学检查</translation>
    </message>
    <message>
        <source>fit_for_bone_therapy</source>
        <extracomment>fit for bone therapy</extracomment>
        <translation>可行骨靶向治疗</translation>
    </message>
    <message>
        <source>treatment_needed</source>
        <extracomment>dental treatment needed</extracomment>
        <translation>需口腔治疗</translation>
    </message>
    <message>
        <source>treated</source>
        <extracomment>treated</extracomment>
        <translation>已治疗</translation>
    </message>
    <message>
        <source>planned</source>
        <extracomment>planned</extracomment>
        <translation>计划中</translation>
    </message>
    <message>
        <source>done</source>
        <extracomment>done</extracomment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>zoledronic_acid</source>
        <extracomment>zoledronic acid</extracomment>
        <translation>唑来膦酸</translation>
    </message>
    <message>
        <source>pamidronate</source>
        <extracomment>pamidronate</extracomment>
        <translation>帕米膦酸</translation>
    </message>
    <message>
        <source>denosumab</source>
        <extracomment>denosumab</extracomment>
        <translation>地舒单抗</translation>
    </message>
    <message>
        <source>schedule</source>
        <extracomment>schedule change</extracomment>
        <translation>给药方案调整</translation>
    </message>
    <message>
        <source>review</source>
        <extracomment>review</extracomment>
        <translation>疗程评估</translation>
    </message>
    <message>
        <source>stop</source>
        <extracomment>stop</extracomment>
        <translation>停用</translation>
    </message>
    <message>
        <source>declined</source>
        <extracomment>declined by the patient</extracomment>
        <translation>患者拒绝</translation>
    </message>
    <message>
        <source>contraindicated</source>
        <extracomment>contraindicated</extracomment>
        <translation>存在禁忌</translation>
    </message>
    <message>
        <source>hold</source>
        <extracomment>hold</extracomment>
        <translation>暂停</translation>
    </message>
    <message>
        <source>continue</source>
        <extracomment>continue</extracomment>
        <translation>继续</translation>
    </message>
    <message>
        <source>de_escalate</source>
        <extracomment>de-escalate to a longer interval</extracomment>
        <translation>降阶梯（延长给药间隔）</translation>
    </message>
    <message>
        <source>NGF</source>
        <extracomment>NGF</extracomment>
        <translation>二代流式细胞术（NGF）</translation>
    </message>
    <message>
        <source>induction</source>
        <extracomment>induction</extracomment>
        <translation>诱导治疗</translation>
    </message>
    <message>
        <source>consolidation</source>
        <extracomment>consolidation</extracomment>
        <translation>巩固治疗</translation>
    </message>
    <message>
        <source>maintenance</source>
        <extracomment>maintenance</extracomment>
        <translation>维持治疗</translation>
    </message>
    <message>
        <source>salvage</source>
        <extracomment>salvage</extracomment>
        <translation>挽救治疗</translation>
    </message>
    <message>
        <source>WHO</source>
        <extracomment>WHO</extracomment>
        <translation>WHO 分级</translation>
    </message>
    <message>
        <source>CTCAE_v5</source>
        <extracomment>CTCAE v5.0</extracomment>
        <translation>CTCAE v5.0</translation>
    </message>
    <message>
        <source>sCR</source>
        <extracomment>sCR</extracomment>
        <translation>严格意义的完全缓解（sCR）</translation>
    </message>
    <message>
        <source>CR</source>
        <extracomment>CR</extracomment>
        <translation>完全缓解（CR）</translation>
    </message>
    <message>
        <source>VGPR</source>
        <extracomment>VGPR</extracomment>
        <translation>非常好的部分缓解（VGPR）</translation>
    </message>
    <message>
        <source>PR</source>
        <extracomment>PR</extracomment>
        <translation>部分缓解（PR）</translation>
    </message>
    <message>
        <source>MR</source>
        <extracomment>MR</extracomment>
        <translation>微小缓解（MR）</translation>
    </message>
    <message>
        <source>SD</source>
        <extracomment>SD</extracomment>
        <translation>疾病稳定（SD）</translation>
    </message>
    <message>
        <source>PD</source>
        <extracomment>PD</extracomment>
        <translation>疾病进展（PD）</translation>
    </message>
    <message>
        <source>pathological_fracture</source>
        <extracomment>pathological fracture</extracomment>
        <translation>病理性骨折</translation>
    </message>
    <message>
        <source>radiation_to_bone</source>
        <extracomment>radiation to bone</extracomment>
        <translation>骨放疗</translation>
    </message>
    <message>
        <source>surgery_to_bone</source>
        <extracomment>surgery to bone</extracomment>
        <translation>骨手术</translation>
    </message>
    <message>
        <source>spinal_cord_compression</source>
        <extracomment>spinal cord compression</extracomment>
        <translation>脊髓压迫</translation>
    </message>
    <message>
        <source>hypercalcaemia</source>
        <extracomment>hypercalcaemia</extracomment>
        <translation>高钙血症</translation>
    </message>
    <message>
        <source>plasmacytoma</source>
        <extracomment>plasmacytoma</extracomment>
        <translation>浆细胞瘤</translation>
    </message>
    <message>
        <source>not_applicable</source>
        <extracomment>not applicable</extracomment>
        <translation>不适用</translation>
    </message>
    <message>
        <source>ok</source>
        <extracomment>OK</extracomment>
        <translation>无待办</translation>
    </message>
    <message>
        <source>due_soon</source>
        <extracomment>due soon</extracomment>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>overdue</source>
        <extracomment>overdue</extracomment>
        <translation>逾期</translation>
    </message>
    <message>
        <source>alert</source>
        <extracomment>alert</extracomment>
        <translation>警示</translation>
    </message>
    <message>
        <source>snoozed</source>
        <extracomment>snoozed</extracomment>
        <translation>暂缓提醒</translation>
    </message>
    <message>
        <source>urgent</source>
        <extracomment>urgent</extracomment>
        <translation>紧急</translation>
    </message>
    <message>
        <source>info</source>
        <extracomment>info</extracomment>
        <translation>提示</translation>
    </message>
    <message>
        <source>S</source>
        <extracomment>S (marrow plasma cells ≥60%)</extracomment>
        <translation>S（骨髓浆细胞比例 ≥60%）</translation>
    </message>
    <message>
        <source>Li</source>
        <extracomment>Li (FLC ratio ≥100)</extracomment>
        <translation>Li（游离轻链比值 ≥100）</translation>
    </message>
    <message>
        <source>M</source>
        <extracomment>M (more than one MRI focal lesion)</extracomment>
        <translation>M（MRI 局灶性病变 &gt;1 处）</translation>
    </message>
    <message>
        <source>C</source>
        <extracomment>C (hypercalcaemia)</extracomment>
        <translation>C（高钙血症）</translation>
    </message>
    <message>
        <source>R</source>
        <extracomment>R (renal insufficiency)</extracomment>
        <translation>R（肾功能不全）</translation>
    </message>
    <message>
        <source>A</source>
        <extracomment>A (anaemia)</extracomment>
        <translation>A（贫血）</translation>
    </message>
    <message>
        <source>B</source>
        <extracomment>B (bone lesions)</extracomment>
        <translation>B（骨病变）</translation>
    </message>
    <message>
        <source>low</source>
        <extracomment>low</extracomment>
        <translation>低危</translation>
    </message>
    <message>
        <source>low_intermediate</source>
        <extracomment>low-intermediate</extracomment>
        <translation>中低危</translation>
    </message>
    <message>
        <source>intermediate</source>
        <extracomment>intermediate</extracomment>
        <translation>中危</translation>
    </message>
    <message>
        <source>high</source>
        <extracomment>high</extracomment>
        <translation>高危</translation>
    </message>
    <message>
        <source>serum</source>
        <extracomment>serum M-protein</extracomment>
        <translation>血清 M 蛋白</translation>
    </message>
    <message>
        <source>urine</source>
        <extracomment>urine M-protein</extracomment>
        <translation>尿 M 蛋白</translation>
    </message>
    <message>
        <source>flc</source>
        <extracomment>free light chains</extracomment>
        <translation>游离轻链</translation>
    </message>
    <message>
        <source>marrow</source>
        <extracomment>bone marrow</extracomment>
        <translation>骨髓</translation>
    </message>
    <message>
        <source>flc_ratio</source>
        <extracomment>FLC ratio</extracomment>
        <translation>游离轻链比值</translation>
    </message>
    <message>
        <source>imaging</source>
        <extracomment>imaging</extracomment>
        <translation>影像学检查</translation>
    </message>
    <message>
        <source>dflc</source>
        <extracomment>dFLC</extracomment>
        <translation>dFLC（受累与非受累游离轻链之差）</translation>
    </message>
    <message>
        <source>lytic_lesions</source>
        <extracomment>lytic lesions</extracomment>
        <translation>溶骨性骨质破坏</translation>
    </message>
    <message>
        <source>negative_insufficient_sensitivity</source>
        <extracomment>negative, sensitivity too low</extracomment>
        <translation>阴性（灵敏度不足）</translation>
    </message>
    <message>
        <source>recorded</source>
        <extracomment>recorded</extracomment>
        <translation>记录</translation>
    </message>
    <message>
        <source>computed</source>
        <extracomment>computed from labs</extracomment>
        <translation>根据检验结果计算</translation>
    </message>
    <message>
        <source>mel200_subgroup</source>
        <extracomment>melphalan 200 mg/m² subgroup</extracomment>
        <translation>美法仑 200 mg/m² 获益亚组</translation>
    </message>
    <message>
        <source>mel140_subgroup</source>
        <extracomment>melphalan 140 mg/m² subgroup</extracomment>
        <translation>美法仑 140 mg/m² 不劣亚组</translation>
    </message>
    <message>
        <source>undetermined</source>
        <extracomment>undetermined</extracomment>
        <translation>无法确定</translation>
    </message>
    <message>
        <source>IMWG 2016</source>
        <extracomment>IMWG 2016</extracomment>
        <translation>IMWG 2016</translation>
    </message>
    <message>
        <source>corrected</source>
        <extracomment>albumin-corrected</extracomment>
        <translation>白蛋白校正</translation>
    </message>
    <message>
        <source>default</source>
        <extracomment>default limit</extracomment>
        <translation>默认界值</translation>
    </message>
    <message>
        <source>lab</source>
        <extracomment>laboratory's limit</extracomment>
        <translation>实验室界值</translation>
    </message>
    <message>
        <source>mrd_positive</source>
        <extracomment>MRD positive</extracomment>
        <translation>MRD 阳性</translation>
    </message>
    <message>
        <source>pet_ct_positive</source>
        <extracomment>PET-CT positive</extracomment>
        <translation>PET-CT 阳性</translation>
    </message>
    <message>
        <source>high_risk_cytogenetics</source>
        <extracomment>high-risk cytogenetics</extracomment>
        <translation>高危细胞遗传学</translation>
    </message>
    <message>
        <source>mrd</source>
        <extracomment>MRD status</extracomment>
        <translation>MRD 状态</translation>
    </message>
    <message>
        <source>pet_ct</source>
        <extracomment>PET-CT result</extracomment>
        <translation>PET-CT 结果</translation>
    </message>
    <message>
        <source>cytogenetics</source>
        <extracomment>cytogenetic risk</extracomment>
        <translation>细胞遗传学危险分层</translation>
    </message>
    <message>
        <source>b2m</source>
        <extracomment>β2-microglobulin</extracomment>
        <translation>β2 微球蛋白</translation>
    </message>
    <message>
        <source>del_17p</source>
        <extracomment>del(17p)</extracomment>
        <translation>del(17p)</translation>
    </message>
    <message>
        <source>tp53_mutation</source>
        <extracomment>TP53 mutation</extracomment>
        <translation>TP53 突变</translation>
    </message>
    <message>
        <source>t_4_14</source>
        <extracomment>t(4;14)</extracomment>
        <translation>t(4;14)</translation>
    </message>
    <message>
        <source>t_14_16</source>
        <extracomment>t(14;16)</extracomment>
        <translation>t(14;16)</translation>
    </message>
    <message>
        <source>t_14_20</source>
        <extracomment>t(14;20)</extracomment>
        <translation>t(14;20)</translation>
    </message>
    <message>
        <source>gain_1q</source>
        <extracomment>1q gain/amplification</extracomment>
        <translation>1q21 获得/扩增（1q+）</translation>
    </message>
    <message>
        <source>del_1p32</source>
        <extracomment>del(1p32)</extracomment>
        <translation>del(1p32)</translation>
    </message>
    <message>
        <source>hyperdiploid</source>
        <extracomment>hyperdiploidy</extracomment>
        <translation>超二倍体</translation>
    </message>
    <message>
        <source>del_17p_clonal_fraction</source>
        <extracomment>del(17p) clonal fraction</extracomment>
        <translation>del(17p) 克隆比例</translation>
    </message>
    <message>
        <source>del_13q</source>
        <extracomment>del(13q)/monosomy 13</extracomment>
        <translation>del(13q)/13 号染色体单体</translation>
    </message>
    <message>
        <source>del17p_tp53</source>
        <extracomment>del(17p) in 20% or more or TP53 mutation</extracomment>
        <translation>del(17p) ≥20% 或 TP53 突变</translation>
    </message>
    <message>
        <source>translocation_1p_1q</source>
        <extracomment>t(4;14)/t(14;16)/t(14;20) with 1q+ or del(1p32)</extracomment>
        <translation>t(4;14)/t(14;16)/t(14;20) 伴 1q+ 或 del(1p32)</translation>
    </message>
    <message>
        <source>b2m_normal_creatinine</source>
        <extracomment>β2-microglobulin 5.5 mg/L or more with normal creatinine</extracomment>
        <translation>β2 微球蛋白 ≥5.5 mg/L 且肌酐正常</translation>
    </message>
    <message>
        <source>non_hyperdiploid</source>
        <extracomment>non-hyperdiploidy</extracomment>
        <translation>非超二倍体</translation>
    </message>
    <message>
        <source>bmpc</source>
        <extracomment>bone-marrow plasma cells</extracomment>
        <translation>骨髓浆细胞比例</translation>
    </message>
    <message>
        <source>m_protein</source>
        <extracomment>serum M-protein</extracomment>
        <translation>血清 M 蛋白</translation>
    </message>
    <message>
        <source>fish</source>
        <extracomment>FISH abnormality</extracomment>
        <translation>FISH 异常</translation>
    </message>
    <message>
        <source>β2M</source>
        <extracomment>β2-microglobulin</extracomment>
        <translation>β2 微球蛋白</translation>
    </message>
    <message>
        <source>LDH</source>
        <extracomment>LDH</extracomment>
        <translation>乳酸脱氢酶（LDH）</translation>
    </message>
</context>
</TS>
