<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>codes</name>
    <message>
        <source>, </source>
        <extracomment>The separator of a list of codes</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <source>F</source>
        <comment>sex</comment>
        <translation>female</translation>
    </message>
    <message>
        <source>M</source>
        <comment>sex</comment>
        <translation>male</translation>
    </message>
    <message>
        <source>active</source>
        <translation>in care</translation>
    </message>
    <message>
        <source>deceased</source>
        <translation>deceased</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>transferred out</translation>
    </message>
    <message>
        <source>SMM</source>
        <translation>smouldering myeloma (SMM)</translation>
    </message>
    <message>
        <source>NDMM</source>
        <translation>newly diagnosed MM (NDMM)</translation>
    </message>
    <message>
        <source>ASCT</source>
        <translation>autologous stem-cell transplant (ASCT)</translation>
    </message>
    <message>
        <source>MAINTENANCE</source>
        <translation>maintenance</translation>
    </message>
    <message>
        <source>RELAPSE</source>
        <translation>relapse</translation>
    </message>
    <message>
        <source>serum_m_protein</source>
        <translation>serum M-protein</translation>
    </message>
    <message>
        <source>urine_m_protein</source>
        <translation>urine M-protein</translation>
    </message>
    <message>
        <source>serum_immunofixation</source>
        <translation>serum immunofixation</translation>
    </message>
    <message>
        <source>urine_immunofixation</source>
        <translation>urine immunofixation</translation>
    </message>
    <message>
        <source>flc_kappa</source>
        <translation>FLC κ</translation>
    </message>
    <message>
        <source>flc_lambda</source>
        <translation>FLC λ</translation>
    </message>
    <message>
        <source>bm_plasma_cells</source>
        <translation>bone-marrow plasma cells</translation>
    </message>
    <message>
        <source>hemoglobin</source>
        <translation>hemoglobin</translation>
    </message>
    <message>
        <source>calcium</source>
        <translation>calcium</translation>
    </message>
    <message>
        <source>albumin</source>
        <translation>albumin</translation>
    </message>
    <message>
        <source>creatinine</source>
        <translation>creatinine</translation>
    </message>
    <message>
        <source>beta2_microglobulin</source>
        <translation>β2-microglobulin</translation>
    </message>
    <message>
        <source>ldh</source>
        <translation>LDH</translation>
    </message>
    <message>
        <source>vitamin_d_25oh</source>
        <translation>25-OH vitamin D</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positive</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negative</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>adjusted</source>
        <translation>lab-adjusted</translation>
    </message>
    <message>
        <source>ionised</source>
        <translation>ionised</translation>
    </message>
    <message>
        <source>IgG</source>
        <translation>IgG</translation>
    </message>
    <message>
        <source>IgA</source>
        <translation>IgA</translation>
    </message>
    <message>
        <source>IgM</source>
        <translation>IgM</translation>
    </message>
    <message>
        <source>IgD</source>
        <translation>IgD</translation>
    </message>
    <message>
        <source>IgE</source>
        <translation>IgE</translation>
    </message>
    <message>
        <source>light_chain_only</source>
        <translation>light chain only</translation>
    </message>
    <message>
        <source>non_secretory</source>
        <translation>non-secretory</translation>
    </message>
    <message>
        <source>kappa</source>
        <translation>κ</translation>
    </message>
    <message>
        <source>lambda</source>
        <translation>λ</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>gain</source>
        <translation>gain (3 copies)</translation>
    </message>
    <message>
        <source>amplification</source>
        <translation>amplification (4 or more copies)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>monoallelic</source>
        <translation>monoallelic</translation>
    </message>
    <message>
        <source>biallelic</source>
        <translation>biallelic</translation>
    </message>
    <message>
        <source>FISH</source>
        <translation>FISH</translation>
    </message>
    <message>
        <source>karyotype</source>
        <translation>karyotype</translation>
    </message>
    <message>
        <source>NGS</source>
        <translation>NGS</translation>
    </message>
    <message>
        <source>WBLDCT</source>
        <translation>whole-body low-dose CT</translation>
    </message>
    <message>
        <source>PET_CT</source>
        <translation>PET-CT</translation>
    </message>
    <message>
        <source>WB_MRI</source>
        <translation>whole-body MRI</translation>
    </message>
    <message>
        <source>skeletal_survey</source>
        <translation>skeletal survey</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other imaging</translation>
    </message>
    <message>
        <source>fit_for_bone_therapy</source>
        <translation>fit for bone therapy</translation>
    </message>
    <message>
        <source>treatment_needed</source>
        <translation>dental treatment needed</translation>
    </message>
    <message>
        <source>treated</source>
        <translation>treated</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>zoledronic_acid</source>
        <translation>zoledronic acid</translation>
    </message>
    <message>
        <source>pamidronate</source>
        <translation>pamidronate</translation>
    </message>
    <message>
        <source>denosumab</source>
        <translation>denosumab</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>schedule change</translation>
    </message>
    <message>
        <source>review</source>
        <translation>review</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>stop</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>declined by the patient</translation>
    </message>
    <message>
        <source>contraindicated</source>
        <translation>contraindicated</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>hold</translation>
    </message>
    <message>
        <source>continue</source>
        <translation>continue</translation>
    </message>
    <message>
        <source>de_escalate</source>
        <translation>de-escalate to a longer interval</translation>
    </message>
    <message>
        <source>NGF</source>
        <translation>NGF</translation>
    </message>
    <message>
        <source>induction</source>
        <translation>induction</translation>
    </message>
    <message>
        <source>consolidation</source>
        <translation>consolidation</translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation>maintenance</translation>
    </message>
    <message>
        <source>salvage</source>
        <translation>salvage</translation>
    </message>
    <message>
        <source>WHO</source>
        <translation>WHO</translation>
    </message>
    <message>
        <source>CTCAE_v5</source>
        <translation>CTCAE v5.0</translation>
    </message>
    <message>
        <source>sCR</source>
        <translation>sCR</translation>
    </message>
    <message>
        <source>CR</source>
        <translation>CR</translation>
    </message>
    <message>
        <source>VGPR</source>
        <translation>VGPR</translation>
    </message>
    <message>
        <source>PR</source>
        <translation>PR</translation>
    </message>
    <message>
        <source>MR</source>
        <translation>MR</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>SD</translation>
    </message>
    <message>
        <source>PD</source>
        <translation>PD</translation>
    </message>
    <message>
        <source>pathological_fracture</source>
        <translation>pathological fracture</translation>
    </message>
    <message>
        <source>radiation_to_bone</source>
        <translation>radiation to bone</translation>
    </message>
    <message>
        <source>surgery_to_bone</source>
        <translation>surgery to bone</translation>
    </message>
    <message>
        <source>spinal_cord_compression</source>
        <translation>spinal cord compression</translation>
    </message>
    <message>
        <source>hypercalcaemia</source>
        <translation>hypercalcaemia</translation>
    </message>
    <message>
        <source>plasmacytoma</source>
        <translation>plasmacytoma</translation>
    </message>
    <message>
        <source>not_applicable</source>
        <translation>not applicable</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>due_soon</source>
        <translation>due soon</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alert</translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation>snoozed</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>urgent</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S (marrow plasma cells ≥60%)</translation>
    </message>
    <message>
        <source>Li</source>
        <translation>Li (FLC ratio ≥100)</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M (more than one MRI focal lesion)</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C (hypercalcaemia)</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R (renal insufficiency)</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A (anaemia)</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B (bone lesions)</translation>
    </message>
    <message>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <source>low_intermediate</source>
        <translation>low-intermediate</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>intermediate</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <source>serum</source>
        <translation>serum M-protein</translation>
    </message>
    <message>
        <source>urine</source>
        <translation>urine M-protein</translation>
    </message>
    <message>
        <source>flc</source>
        <translation>free light chains</translation>
    </message>
    <message>
        <source>marrow</source>
        <translation>bone marrow</translation>
    </message>
    <message>
        <source>flc_ratio</source>
        <translation>FLC ratio</translation>
    </message>
    <message>
        <source>imaging</source>
        <translation>imaging</translation>
    </message>
    <message>
        <source>dflc</source>
        <translation>dFLC</translation>
    </message>
    <message>
        <source>lytic_lesions</source>
        <translation>lytic lesions</translation>
    </message>
    <message>
        <source>negative_insufficient_sensitivity</source>
        <translation>negative, sensitivity too low</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>recorded</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>computed from labs</translation>
    </message>
    <message>
        <source>mel200_subgroup</source>
        <translation>melphalan 200 mg/m² subgroup</translation>
    </message>
    <message>
        <source>mel140_subgroup</source>
        <translation>melphalan 140 mg/m² subgroup</translation>
    </message>
    <message>
        <source>undetermined</source>
        <translation>undetermined</translation>
    </message>
    <message>
        <source>IMWG 2016</source>
        <translation>IMWG 2016</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>albumin-corrected</translation>
    </message>
    <message>
        <source>default</source>
        <translation>default limit</translation>
    </message>
    <message>
        <source>lab</source>
        <translation>laboratory's limit</translation>
    </message>
    <message>
        <source>mrd_positive</source>
        <translation>MRD positive</translation>
    </message>
    <message>
        <source>pet_ct_positive</source>
        <translation>PET-CT positive</translation>
    </message>
    <message>
        <source>high_risk_cytogenetics</source>
        <translation>high-risk cytogenetics</translation>
    </message>
    <message>
        <source>mrd</source>
        <translation>MRD status</translation>
    </message>
    <message>
        <source>pet_ct</source>
        <translation>PET-CT result</translation>
    </message>
    <message>
        <source>cytogenetics</source>
        <translation>cytogenetic risk</translation>
    </message>
    <message>
        <source>b2m</source>
        <translation>β2-microglobulin</translation>
    </message>
    <message>
        <source>del_17p</source>
        <translation>del(17p)</translation>
    </message>
    <message>
        <source>tp53_mutation</source>
        <translation>TP53 mutation</translation>
    </message>
    <message>
        <source>t_4_14</source>
        <translation>t(4;14)</translation>
    </message>
    <message>
        <source>t_14_16</source>
        <translation>t(14;16)</translation>
    </message>
    <message>
        <source>t_14_20</source>
        <translation>t(14;20)</translation>
    </message>
    <message>
        <source>gain_1q</source>
        <translation>1q gain/amplification</translation>
    </message>
    <message>
        <source>del_1p32</source>
        <translation>del(1p32)</translation>
    </message>
    <message>
        <source>hyperdiploid</source>
        <translation>hyperdiploidy</translation>
    </message>
    <message>
        <source>del_17p_clonal_fraction</source>
        <translation>del(17p) clonal fraction</translation>
    </message>
    <message>
        <source>del_13q</source>
        <translation>del(13q)/monosomy 13</translation>
    </message>
    <message>
        <source>del17p_tp53</source>
        <translation>del(17p) in 20% or more or TP53 mutation</translation>
    </message>
    <message>
        <source>translocation_1p_1q</source>
        <translation>t(4;14)/t(14;16)/t(14;20) with 1q+ or del(1p32)</translation>
    </message>
    <message>
        <source>b2m_normal_creatinine</source>
        <translation>β2-microglobulin 5.5 mg/L or more with normal creatinine</translation>
    </message>
    <message>
        <source>non_hyperdiploid</source>
        <translation>non-hyperdiploidy</translation>
    </message>
    <message>
        <source>bmpc</source>
        <translation>bone-marrow plasma cells</translation>
    </message>
    <message>
        <source>m_protein</source>
        <translation>serum M-protein</translation>
    </message>
    <message>
        <source>fish</source>
        <translation>FISH abnormality</translation>
    </message>
    <message>
        <source>β2M</source>
        <translation>β2-microglobulin</translation>
    </message>
    <message>
        <source>LDH</source>
        <translation>LDH</translation>
    </message>
</context>
</TS>
