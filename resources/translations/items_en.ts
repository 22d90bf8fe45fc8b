<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>items</name>
    <message>
        <source>workup.staging</source>
        <translation>Staging work-up</translation>
    </message>
    <message>
        <source>imaging.baseline</source>
        <translation>Baseline whole-body imaging</translation>
    </message>
    <message>
        <source>imaging.smm_mri</source>
        <translation>Whole-body MRI in SMM</translation>
    </message>
    <message>
        <source>imaging.smm_followup</source>
        <translation>Yearly imaging in SMM</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet</source>
        <translation>PET-CT before ASCT</translation>
    </message>
    <message>
        <source>bta.start</source>
        <translation>Start bone-targeted therapy</translation>
    </message>
    <message>
        <source>bta.next_dose</source>
        <translation>Next bone-targeted therapy dose</translation>
    </message>
    <message>
        <source>bta.review</source>
        <translation>Bone-targeted therapy review</translation>
    </message>
    <message>
        <source>dental.before_bta</source>
        <translation>Dental check before bone-targeted therapy</translation>
    </message>
    <message>
        <source>dental.periodic</source>
        <translation>Periodic dental check</translation>
    </message>
    <message>
        <source>renal.before_bisphosphonate</source>
        <translation>Creatinine before a bisphosphonate dose</translation>
    </message>
    <message>
        <source>renal.za_dose</source>
        <translation>Zoledronic acid dose and renal function</translation>
    </message>
    <message>
        <source>calcium.before_denosumab</source>
        <translation>Calcium before denosumab</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia</source>
        <translation>Hypocalcaemia on denosumab</translation>
    </message>
    <message>
        <source>supplement.ca_vitd</source>
        <translation>Calcium and vitamin D supplementation</translation>
    </message>
    <message>
        <source>vitd.level</source>
        <translation>25-OH vitamin D level</translation>
    </message>
    <message>
        <source>denosumab.bridge</source>
        <translation>Bisphosphonate after denosumab</translation>
    </message>
    <message>
        <source>alert.onj_risk</source>
        <translation>ONJ risk: invasive dental procedure</translation>
    </message>
    <message>
        <source>labs.monitoring</source>
        <translation>M-protein and FLC monitoring</translation>
    </message>
    <message>
        <source>smm.risk</source>
        <translation>SMM risk re-scoring</translation>
    </message>
    <message>
        <source>mrd.end_of_induction</source>
        <translation>MRD at the end of induction</translation>
    </message>
    <message>
        <source>mrd.pre_asct</source>
        <translation>MRD before ASCT</translation>
    </message>
    <message>
        <source>mrd.day100</source>
        <translation>MRD at day +100 after ASCT</translation>
    </message>
    <message>
        <source>mrd.annual</source>
        <translation>Yearly MRD in maintenance or continuous therapy</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia</source>
        <translation>Hypercalcaemia</translation>
    </message>
    <message>
        <source>alert.smm_mde</source>
        <translation>Myeloma-defining event in SMM</translation>
    </message>
    <message>
        <source>alert.smm_high_risk</source>
        <translation>High-risk SMM</translation>
    </message>
    <message>
        <source>alert.pangea_evolving</source>
        <translation>Evolving biomarkers (PANGEA-SMM)</translation>
    </message>
    <message>
        <source>alert.progression</source>
        <translation>Progressive disease</translation>
    </message>
    <message>
        <source>asct.conditioning_note</source>
        <translation>Melphalan 200 vs 140: evidence note</translation>
    </message>
    <message>
        <source>record.phase</source>
        <translation>Record the disease phase</translation>
    </message>
    <message>
        <source>record.treatment_line</source>
        <translation>Record the treatment line</translation>
    </message>
    <message>
        <source>asct.outcome</source>
        <translation>Outcome of the planned transplant</translation>
    </message>
    <message>
        <source>alert.mrd_lost</source>
        <translation>Loss of MRD negativity</translation>
    </message>
    <message>
        <source>bta.resume</source>
        <translation>Resume bone-targeted therapy after a hold</translation>
    </message>
    <message>
        <source>renal.pamidronate</source>
        <translation>Pamidronate and renal function</translation>
    </message>
</context>
</TS>
