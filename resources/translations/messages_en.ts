<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>messages</name>
    <message>
        <source>bta.off</source>
        <extracomment>Parameters: </extracomment>
        <translation>Not on bone-targeted therapy.</translation>
    </message>
    <message>
        <source>bta.stopped</source>
        <extracomment>Parameters: date</extracomment>
        <translation>Bone-targeted therapy stopped on {date}.</translation>
    </message>
    <message>
        <source>bta.other_agent</source>
        <extracomment>Parameters: agent</extracomment>
        <translation>Not for the agent in use: the patient is on {agent}.</translation>
    </message>
    <message>
        <source>bta.planned_agent</source>
        <extracomment>Parameters: agent</extracomment>
        <translation>Not for the agent planned: {agent} is planned.</translation>
    </message>
    <message>
        <source>bta.held</source>
        <extracomment>Parameters: since, until</extracomment>
        <translation>Bone-targeted therapy on hold since {since}; expected to resume on {until}.</translation>
    </message>
    <message>
        <source>bisphosphonate.renal_hold</source>
        <extracomment>Parameters: agent, since</extracomment>
        <translation>Renal hold of {agent} since the creatinine of {since}: no dose is prompted until creatinine is back within 10% of baseline.</translation>
    </message>
    <message>
        <source>bisphosphonate.not_recommended</source>
        <extracomment>Parameters: agent, crcl, date</extracomment>
        <translation>Not recommended: {agent} at CrCl {crcl} mL/min on {date}, below 30 mL/min; no dose is prompted.</translation>
    </message>
    <message>
        <source>crab.S.met</source>
        <extracomment>Parameters: value, limit, date</extracomment>
        <translation>Bone-marrow plasma cells {value}% on {date}: ≥{limit}%.</translation>
    </message>
    <message>
        <source>crab.S.not_met</source>
        <extracomment>Parameters: value, limit, date</extracomment>
        <translation>Bone-marrow plasma cells {value}% on {date}: below {limit}%.</translation>
    </message>
    <message>
        <source>crab.Li.met</source>
        <extracomment>Parameters: ratio, involved, chain, ratio_limit, involved_limit, date</extracomment>
        <translation>FLC ratio (involved/uninvolved) {ratio}, involved {chain} {involved} on {date}: ratio ≥{ratio_limit} and involved FLC ≥{involved_limit}.</translation>
    </message>
    <message>
        <source>crab.Li.not_met</source>
        <extracomment>Parameters: ratio, involved, chain, ratio_limit, involved_limit, date</extracomment>
        <translation>FLC ratio (involved/uninvolved) {ratio}, involved {chain} {involved} on {date}: not both ratio ≥{ratio_limit} and involved FLC ≥{involved_limit}.</translation>
    </message>
    <message>
        <source>crab.M.met</source>
        <extracomment>Parameters: count, limit, date</extracomment>
        <translation>MRI of {date}: {count} focal lesions, more than {limit}.</translation>
    </message>
    <message>
        <source>crab.M.not_met</source>
        <extracomment>Parameters: count, limit, date</extracomment>
        <translation>MRI of {date}: {count} focal lesion(s), not more than {limit}.</translation>
    </message>
    <message>
        <source>crab.C.met</source>
        <extracomment>Parameters: value, limit, date, uln</extracomment>
        <translation>Calcium {value} on {date}: above {limit} (ULN {uln}).</translation>
    </message>
    <message>
        <source>crab.C.not_met</source>
        <extracomment>Parameters: value, limit, date, uln</extracomment>
        <translation>Calcium {value} on {date}: not above {limit} (ULN {uln}).</translation>
    </message>
    <message>
        <source>crab.R.met</source>
        <extracomment>Parameters: creatinine, creatinine_limit, clearance, clearance_limit, date</extracomment>
        <translation>Creatinine {creatinine} and clearance {clearance} mL/min on {date}: creatinine above {creatinine_limit} or clearance below {clearance_limit} mL/min.</translation>
    </message>
    <message>
        <source>crab.R.not_met</source>
        <extracomment>Parameters: creatinine, creatinine_limit, clearance, clearance_limit, date</extracomment>
        <translation>Creatinine {creatinine} and clearance {clearance} mL/min on {date}: creatinine not above {creatinine_limit} and clearance not below {clearance_limit} mL/min.</translation>
    </message>
    <message>
        <source>crab.A.met</source>
        <extracomment>Parameters: value, limit, date, lln</extracomment>
        <translation>Hemoglobin {value} on {date}: below {limit} (LLN {lln}).</translation>
    </message>
    <message>
        <source>crab.A.not_met</source>
        <extracomment>Parameters: value, limit, date, lln</extracomment>
        <translation>Hemoglobin {value} on {date}: not below {limit} (LLN {lln}).</translation>
    </message>
    <message>
        <source>crab.B.met</source>
        <extracomment>Parameters: count, limit, date</extracomment>
        <translation>Imaging of {date}: {count} osteolytic lesion(s), at least {limit}.</translation>
    </message>
    <message>
        <source>crab.B.not_met</source>
        <extracomment>Parameters: count, limit, date</extracomment>
        <translation>Imaging of {date}: {count} osteolytic lesion(s), fewer than {limit}.</translation>
    </message>
    <message>
        <source>crab.S.missing</source>
        <extracomment>Parameters: </extracomment>
        <translation>No bone-marrow plasma cell result.</translation>
    </message>
    <message>
        <source>crab.Li.missing</source>
        <extracomment>Parameters: </extracomment>
        <translation>No κ and λ free light chains resulted on the same day.</translation>
    </message>
    <message>
        <source>crab.M.missing</source>
        <extracomment>Parameters: </extracomment>
        <translation>No MRI with a focal-lesion count.</translation>
    </message>
    <message>
        <source>crab.C.missing</source>
        <extracomment>Parameters: </extracomment>
        <translation>No total or lab-adjusted calcium result.</translation>
    </message>
    <message>
        <source>crab.R.missing</source>
        <extracomment>Parameters: </extracomment>
        <translation>No creatinine result.</translation>
    </message>
    <message>
        <source>crab.A.missing</source>
        <extracomment>Parameters: </extracomment>
        <translation>No hemoglobin result.</translation>
    </message>
    <message>
        <source>crab.B.missing</source>
        <extracomment>Parameters: </extracomment>
        <translation>No imaging with a lytic-lesion count.</translation>
    </message>
    <message>
        <source>crab.Li.chain_assumed</source>
        <extracomment>Parameters: chain</extracomment>
        <translation>Involved light chain not recorded: the larger chain ({chain}) is taken as involved.</translation>
    </message>
    <message>
        <source>crab.Li.not_computable</source>
        <extracomment>Parameters: date</extracomment>
        <translation>FLC ratio of {date} not computable: the uninvolved chain is 0.</translation>
    </message>
    <message>
        <source>crab.C.corrected</source>
        <extracomment>Parameters: measured, albumin, albumin_date</extracomment>
        <translation>Albumin-corrected: measured calcium {measured}, albumin {albumin} on {albumin_date}.</translation>
    </message>
    <message>
        <source>crab.C.uncorrected</source>
        <extracomment>Parameters: </extracomment>
        <translation>Total calcium, not corrected: no albumin within 7 days.</translation>
    </message>
    <message>
        <source>crab.C.adjusted</source>
        <extracomment>Parameters: </extracomment>
        <translation>Calcium as adjusted by the laboratory.</translation>
    </message>
    <message>
        <source>crab.C.default_uln</source>
        <extracomment>Parameters: uln</extracomment>
        <translation>The lab gave no upper limit: default ULN {uln} used.</translation>
    </message>
    <message>
        <source>crab.C.ionised_not_compared</source>
        <extracomment>Parameters: value, date</extracomment>
        <translation>Ionised calcium {value} on {date} is shown only, not compared with the thresholds.</translation>
    </message>
    <message>
        <source>crab.R.cockcroft_gault</source>
        <extracomment>Parameters: weight, weight_date</extracomment>
        <translation>CrCl by Cockcroft-Gault, weight {weight} kg on {weight_date}.</translation>
    </message>
    <message>
        <source>crab.R.ckd_epi</source>
        <extracomment>Parameters: </extracomment>
        <translation>No weight on record: CKD-EPI 2021 eGFR used instead of CrCl.</translation>
    </message>
    <message>
        <source>crab.A.default_lln</source>
        <extracomment>Parameters: lln</extracomment>
        <translation>The lab gave no lower limit: default LLN {lln} used.</translation>
    </message>
    <message>
        <source>crab.B.low_marrow</source>
        <extracomment>Parameters: bmpc, bmpc_date</extracomment>
        <translation>Bone-marrow plasma cells {bmpc}% on {bmpc_date}, below 10%: more than one lesion needed.</translation>
    </message>
    <message>
        <source>bta.start.not_active_mm</source>
        <extracomment>Parameters: phase</extracomment>
        <translation>Applies to active MM only; current phase: {phase}.</translation>
    </message>
    <message>
        <source>bta.start.on_bta</source>
        <extracomment>Parameters: agent, first</extracomment>
        <translation>On {agent} since {first}.</translation>
    </message>
    <message>
        <source>bta.start.declined</source>
        <extracomment>Parameters: kind, date</extracomment>
        <translation>Bone-targeted therapy {kind} on {date}.</translation>
    </message>
    <message>
        <source>bta.start.due</source>
        <extracomment>Parameters: phase, date, days</extracomment>
        <translation>Start bone-targeted therapy within {days} days of {phase} on {date}.</translation>
    </message>
    <message>
        <source>bta.start.restart</source>
        <extracomment>Parameters: relapse, stopped, days</extracomment>
        <translation>Bone-targeted therapy stopped on {stopped}; restart within {days} days of the relapse on {relapse}.</translation>
    </message>
    <message>
        <source>bta.start.before_active</source>
        <extracomment>Parameters: last, phase, date, days</extracomment>
        <translation>Bone-targeted therapy given before active myeloma (last dose {last}) does not count: start within {days} days of {phase} on {date}.</translation>
    </message>
    <message>
        <source>bta.start.declined_before</source>
        <extracomment>Parameters: previous, phase, date, days</extracomment>
        <translation>Bone-targeted therapy was declined on {previous}, before this episode; offer it again: start within {days} days of {phase} on {date}.</translation>
    </message>
    <message>
        <source>bta.next_dose.due</source>
        <extracomment>Parameters: agent, last, interval</extracomment>
        <translation>Last {agent} dose {last}; every {interval} days.</translation>
    </message>
    <message>
        <source>bta.next_dose.lapsed</source>
        <extracomment>Parameters: agent, last, interval, days</extracomment>
        <translation>Last {agent} dose {last}; every {interval} days; the next dose is more than {days} days overdue: lapsed.</translation>
    </message>
    <message>
        <source>bta.review.first</source>
        <extracomment>Parameters: agent, first, months</extracomment>
        <translation>First {agent} dose {first}; review {months} months after the start.</translation>
    </message>
    <message>
        <source>bta.review.next</source>
        <extracomment>Parameters: last, decision, months</extracomment>
        <translation>Last review {last}, decision: {decision}; review every {months} months.</translation>
    </message>
    <message>
        <source>bta.resume.not_held</source>
        <extracomment>Parameters: </extracomment>
        <translation>Bone-targeted therapy is not on hold.</translation>
    </message>
    <message>
        <source>bta.resume.resumed</source>
        <extracomment>Parameters: since, date</extracomment>
        <translation>Held on {since}; resumed with the dose of {date}.</translation>
    </message>
    <message>
        <source>bta.resume.due</source>
        <extracomment>Parameters: since, due</extracomment>
        <translation>Bone-targeted therapy on hold since {since}: resume it, or record a stop, by {due}.</translation>
    </message>
    <message>
        <source>bta.resume.default</source>
        <extracomment>Parameters: since, due, days</extracomment>
        <translation>Bone-targeted therapy on hold since {since} with no resume date: resume it, or record a stop, by {due} ({days} days after the hold).</translation>
    </message>
    <message>
        <source>bta.resume.lapsed</source>
        <extracomment>Parameters: since, due, days</extracomment>
        <translation>Bone-targeted therapy on hold since {since}; the resume date {due} passed more than {days} days ago: lapsed. Resume it or record a stop.</translation>
    </message>
    <message>
        <source>denosumab.bridge.never</source>
        <extracomment>Parameters: </extracomment>
        <translation>Denosumab never given.</translation>
    </message>
    <message>
        <source>denosumab.bridge.on_denosumab</source>
        <extracomment>Parameters: last</extracomment>
        <translation>On denosumab; last dose {last}.</translation>
    </message>
    <message>
        <source>denosumab.bridge.stopped</source>
        <extracomment>Parameters: last, stopped, months</extracomment>
        <translation>Denosumab stopped on {stopped}: a bisphosphonate is due within {months} months of the last dose ({last}).</translation>
    </message>
    <message>
        <source>denosumab.bridge.lapsed</source>
        <extracomment>Parameters: last, since, months</extracomment>
        <translation>Denosumab lapsed on {since} (last dose {last}): a bisphosphonate is due {months} months after the last dose, or at the lapse if that is later.</translation>
    </message>
    <message>
        <source>denosumab.bridge.done</source>
        <extracomment>Parameters: last, bridge, agent</extracomment>
        <translation>Bisphosphonate after denosumab: {agent} on {bridge} (last denosumab {last}).</translation>
    </message>
    <message>
        <source>renal.before_bisphosphonate.not_yet</source>
        <extracomment>Parameters: agent, due, days</extracomment>
        <translation>Next {agent} dose due {due}; the creatinine check opens {days} days before it.</translation>
    </message>
    <message>
        <source>renal.before_bisphosphonate.due</source>
        <extracomment>Parameters: agent, due, days</extracomment>
        <translation>Serum creatinine needed within {days} days before the {agent} dose due {due} (once the dose is overdue, within the same window before today).</translation>
    </message>
    <message>
        <source>renal.before_bisphosphonate.done</source>
        <extracomment>Parameters: date, value, due</extracomment>
        <translation>Creatinine {value} on {date}, before the dose due {due}.</translation>
    </message>
    <message>
        <source>renal.za_dose.no_baseline</source>
        <extracomment>Parameters: days</extracomment>
        <translation>No baseline creatinine within {days} days before the first zoledronic acid dose: measure creatinine before dosing.</translation>
    </message>
    <message>
        <source>renal.za_dose.provisional_baseline</source>
        <extracomment>Parameters: days, creatinine, date, crcl</extracomment>
        <translation>No baseline creatinine within {days} days before the first zoledronic acid dose; the first creatinine after it, {creatinine} on {date} (CrCl {crcl} mL/min), serves as a provisional baseline: the renal checks compare with it.</translation>
    </message>
    <message>
        <source>renal.za_dose.hold</source>
        <extracomment>Parameters: baseline, latest, rise, threshold, since</extracomment>
        <translation>Hold zoledronic acid since {since}, when creatinine rose {threshold} or more above the baseline {baseline}; latest creatinine {latest} ({rise} above baseline); resume once within 10% of baseline.</translation>
    </message>
    <message>
        <source>renal.za_dose.hold_provisional</source>
        <extracomment>Parameters: baseline, latest, rise, threshold, since</extracomment>
        <translation>Hold zoledronic acid since {since}, when creatinine rose {threshold} or more above the provisional baseline {baseline}; latest creatinine {latest} ({rise} above baseline); resume once within 10% of baseline.</translation>
    </message>
    <message>
        <source>renal.za_dose.no_weight</source>
        <extracomment>Parameters: egfr, date</extracomment>
        <translation>Record a weight to compute CrCl for the zoledronic acid dose (eGFR {egfr} mL/min/1.73 m² on {date}).</translation>
    </message>
    <message>
        <source>renal.za_dose.no_data</source>
        <extracomment>Parameters: </extracomment>
        <translation>No creatinine and no weight on record: measure creatinine and record a weight to compute CrCl for zoledronic acid.</translation>
    </message>
    <message>
        <source>renal.za_dose.not_recommended</source>
        <extracomment>Parameters: crcl, date</extracomment>
        <translation>Zoledronic acid not recommended: CrCl {crcl} mL/min on {date}, below 30 mL/min; consider denosumab.</translation>
    </message>
    <message>
        <source>renal.pamidronate.no_baseline</source>
        <extracomment>Parameters: days</extracomment>
        <translation>No baseline creatinine within {days} days before the first pamidronate dose: measure creatinine.</translation>
    </message>
    <message>
        <source>renal.pamidronate.provisional_baseline</source>
        <extracomment>Parameters: days, creatinine, date, crcl</extracomment>
        <translation>No baseline creatinine within {days} days before the first pamidronate dose; the first creatinine after it, {creatinine} on {date} (CrCl {crcl} mL/min), serves as a provisional baseline: the renal checks compare with it.</translation>
    </message>
    <message>
        <source>renal.pamidronate.hold</source>
        <extracomment>Parameters: baseline, latest, rise, threshold, since</extracomment>
        <translation>Hold pamidronate since {since}, when creatinine rose {threshold} or more above the baseline {baseline}; latest creatinine {latest} ({rise} above baseline); resume once within 10% of baseline.</translation>
    </message>
    <message>
        <source>renal.pamidronate.hold_provisional</source>
        <extracomment>Parameters: baseline, latest, rise, threshold, since</extracomment>
        <translation>Hold pamidronate since {since}, when creatinine rose {threshold} or more above the provisional baseline {baseline}; latest creatinine {latest} ({rise} above baseline); resume once within 10% of baseline.</translation>
    </message>
    <message>
        <source>renal.pamidronate.no_weight</source>
        <extracomment>Parameters: egfr, date</extracomment>
        <translation>Record a weight to compute CrCl for pamidronate (eGFR {egfr} mL/min/1.73 m² on {date}).</translation>
    </message>
    <message>
        <source>renal.pamidronate.no_data</source>
        <extracomment>Parameters: </extracomment>
        <translation>No creatinine and no weight on record: measure creatinine and record a weight to compute CrCl for pamidronate.</translation>
    </message>
    <message>
        <source>renal.pamidronate.not_recommended</source>
        <extracomment>Parameters: crcl, date</extracomment>
        <translation>Pamidronate not recommended: CrCl {crcl} mL/min on {date}, below 30 mL/min.</translation>
    </message>
    <message>
        <source>renal.za_dose.ok</source>
        <extracomment>Parameters: dose, crcl, creatinine, date, weight</extracomment>
        <translation>Zoledronic acid {dose} mg for the baseline CrCl {crcl} mL/min (creatinine {creatinine} on {date}, weight {weight} kg).</translation>
    </message>
    <message>
        <source>renal.pamidronate.ok</source>
        <extracomment>Parameters: crcl, creatinine, date, weight</extracomment>
        <translation>Pamidronate: baseline CrCl {crcl} mL/min (creatinine {creatinine} on {date}, weight {weight} kg); no renal deterioration since.</translation>
    </message>
    <message>
        <source>calcium.before_denosumab.not_yet</source>
        <extracomment>Parameters: due, days</extracomment>
        <translation>Next denosumab dose due {due}; the calcium check opens {days} days before it.</translation>
    </message>
    <message>
        <source>calcium.before_denosumab.due</source>
        <extracomment>Parameters: due, days</extracomment>
        <translation>Serum calcium needed within {days} days before the denosumab dose due {due} (once the dose is overdue, within the same window before today).</translation>
    </message>
    <message>
        <source>calcium.before_denosumab.done</source>
        <extracomment>Parameters: date, value, due</extracomment>
        <translation>Calcium {value} on {date}, before the dose due {due}.</translation>
    </message>
    <message>
        <source>calcium.before_denosumab.first_due</source>
        <extracomment>Parameters: due, days</extracomment>
        <translation>Denosumab planned to start {due}: serum calcium needed within {days} days before the first dose (once it is overdue, within the same window before today).</translation>
    </message>
    <message>
        <source>calcium.before_denosumab.first_done</source>
        <extracomment>Parameters: date, value, due</extracomment>
        <translation>Calcium {value} on {date}, before the first denosumab dose planned {due}.</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia.no_result</source>
        <extracomment>Parameters: </extracomment>
        <translation>No calcium result: check calcium before denosumab.</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia.low</source>
        <extracomment>Parameters: value, basis, lln, limits, date</extracomment>
        <translation>Calcium {value} ({basis}) on {date}, below the LLN {lln} ({limits}): correct before the next denosumab dose.</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia.normal</source>
        <extracomment>Parameters: value, basis, lln, limits, date</extracomment>
        <translation>Calcium {value} ({basis}) on {date}, not below the LLN {lln} ({limits}).</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia.no_result_renal</source>
        <extracomment>Parameters: crcl, creatinine_date</extracomment>
        <translation>No calcium result: check calcium before denosumab. High risk of hypocalcaemia (CrCl {crcl} mL/min on {creatinine_date}, below 30 mL/min): check calcium weekly in the first weeks.</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia.low_renal</source>
        <extracomment>Parameters: value, basis, lln, limits, date, crcl, creatinine_date</extracomment>
        <translation>Calcium {value} ({basis}) on {date}, below the LLN {lln} ({limits}): correct before the next denosumab dose. High risk of hypocalcaemia (CrCl {crcl} mL/min on {creatinine_date}, below 30 mL/min): check calcium weekly in the first weeks.</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia.normal_renal</source>
        <extracomment>Parameters: value, basis, lln, limits, date, crcl, creatinine_date</extracomment>
        <translation>Calcium {value} ({basis}) on {date}, not below the LLN {lln} ({limits}). High risk of hypocalcaemia (CrCl {crcl} mL/min on {creatinine_date}, below 30 mL/min): check calcium weekly in the first weeks.</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.not_in_care</source>
        <extracomment>Parameters: since</extracomment>
        <translation>No longer in care since {since}.</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.no_calcium</source>
        <extracomment>Parameters: </extracomment>
        <translation>No total or lab-adjusted calcium result.</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.above</source>
        <extracomment>Parameters: value, date, basis, uln, limit</extracomment>
        <translation>Calcium {value} ({basis}) on {date}, above {limit} (ULN {uln}).</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.above_default_uln</source>
        <extracomment>Parameters: value, date, basis, uln, limit</extracomment>
        <translation>Calcium {value} ({basis}) on {date}, above {limit} (default ULN {uln}: the lab gave none).</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.not_above</source>
        <extracomment>Parameters: value, date, basis, uln, limit</extracomment>
        <translation>Calcium {value} ({basis}) on {date}, not above {limit} (ULN {uln}).</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.not_above_default_uln</source>
        <extracomment>Parameters: value, date, basis, uln, limit</extracomment>
        <translation>Calcium {value} ({basis}) on {date}, not above {limit} (default ULN {uln}: the lab gave none).</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.ionised_above</source>
        <extracomment>Parameters: value, date, uln</extracomment>
        <translation>Ionised calcium {value} on {date}, above its ULN {uln}: check serum calcium.</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.ionised_above_default_uln</source>
        <extracomment>Parameters: value, date, uln</extracomment>
        <translation>Ionised calcium {value} on {date}, above the default ULN {uln} (the lab gave none): check serum calcium.</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.ionised_not_above</source>
        <extracomment>Parameters: value, date, uln</extracomment>
        <translation>Ionised calcium {value} on {date}, not above its ULN {uln}.</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.ionised_not_above_default_uln</source>
        <extracomment>Parameters: value, date, uln</extracomment>
        <translation>Ionised calcium {value} on {date}, not above the default ULN {uln} (the lab gave none).</translation>
    </message>
    <message>
        <source>response.no_episode</source>
        <extracomment>Parameters: </extracomment>
        <translation>No treatment episode: no response baseline.</translation>
    </message>
    <message>
        <source>response.not_measurable</source>
        <extracomment>Parameters: criteria, start</extracomment>
        <translation>No measurable disease at the start of the treatment episode ({start}): response cannot be assessed by {criteria}.</translation>
    </message>
    <message>
        <source>response.no_assessment</source>
        <extracomment>Parameters: criteria, start</extracomment>
        <translation>No response assessment since the treatment episode started on {start} ({criteria}).</translation>
    </message>
    <message>
        <source>response.category.confirmed</source>
        <extracomment>Parameters: criteria, category, date, previous</extracomment>
        <translation>{category} on {date}, confirmed by the assessment of {previous} ({criteria}).</translation>
    </message>
    <message>
        <source>response.category.unconfirmed</source>
        <extracomment>Parameters: criteria, category, date</extracomment>
        <translation>{category} on {date}, unconfirmed: repeat to confirm ({criteria}).</translation>
    </message>
    <message>
        <source>response.missing.serum_immunofixation</source>
        <extracomment>Parameters: </extracomment>
        <translation>No serum immunofixation: needed for CR.</translation>
    </message>
    <message>
        <source>response.missing.urine_immunofixation</source>
        <extracomment>Parameters: </extracomment>
        <translation>No urine immunofixation: needed for CR.</translation>
    </message>
    <message>
        <source>response.missing.bm_plasma_cells</source>
        <extracomment>Parameters: </extracomment>
        <translation>No bone-marrow plasma cell count: needed for CR.</translation>
    </message>
    <message>
        <source>response.missing.flc_ratio</source>
        <extracomment>Parameters: </extracomment>
        <translation>No FLC ratio: needed for CR or sCR.</translation>
    </message>
    <message>
        <source>response.missing.urine_m_protein</source>
        <extracomment>Parameters: </extracomment>
        <translation>No 24-h urine M-protein since the line started: needed while urine was measurable at baseline.</translation>
    </message>
    <message>
        <source>response.missing.imaging</source>
        <extracomment>Parameters: </extracomment>
        <translation>No imaging since the line started: needed to show the baseline plasmacytoma has gone (CR).</translation>
    </message>
    <message>
        <source>response.note.scr_ihc_not_recorded</source>
        <extracomment>Parameters: </extracomment>
        <translation>sCR also needs no clonal plasma cells on marrow biopsy immunohistochemistry, which is not recorded.</translation>
    </message>
    <message>
        <source>response.note.plasmacytoma_spd_not_recorded</source>
        <extracomment>Parameters: category</extracomment>
        <translation>Plasmacytoma at baseline: {category} also needs the fall in its size (SPD), which is not recorded.</translation>
    </message>
    <message>
        <source>response.progression.confirmed</source>
        <extracomment>Parameters: criteria, date, confirmed_on</extracomment>
        <translation>PD on {date}, confirmed on {confirmed_on} ({criteria}).</translation>
    </message>
    <message>
        <source>response.progression.unconfirmed</source>
        <extracomment>Parameters: criteria, date</extracomment>
        <translation>PD on {date}, unconfirmed: repeat to confirm ({criteria}).</translation>
    </message>
    <message>
        <source>response.pd.serum_m_protein</source>
        <extracomment>Parameters: date, value, nadir, nadir_date, rise</extracomment>
        <translation>Serum M-protein {value} on {date}, up {rise} from the nadir {nadir} of {nadir_date}.</translation>
    </message>
    <message>
        <source>response.pd.urine_m_protein</source>
        <extracomment>Parameters: date, value, nadir, nadir_date, rise</extracomment>
        <translation>Urine M-protein {value} on {date}, up {rise} from the nadir {nadir} of {nadir_date}.</translation>
    </message>
    <message>
        <source>response.pd.dflc</source>
        <extracomment>Parameters: date, value, nadir, nadir_date, rise</extracomment>
        <translation>dFLC (involved minus uninvolved FLC) {value} on {date}, up {rise} from the nadir {nadir} of {nadir_date}.</translation>
    </message>
    <message>
        <source>response.pd.bm_plasma_cells</source>
        <extracomment>Parameters: date, value, nadir, nadir_date, rise</extracomment>
        <translation>Bone-marrow plasma cells {value}% on {date}, up {rise} percentage points from the nadir {nadir}% of {nadir_date}.</translation>
    </message>
    <message>
        <source>response.pd.lytic_lesions</source>
        <extracomment>Parameters: date, modality, count, baseline_count, baseline_date</extracomment>
        <translation>More bone lesions: {count} on {modality} of {date}, {baseline_count} at baseline ({baseline_date}).</translation>
    </message>
    <message>
        <source>response.pd.lytic_lesions.other_modality</source>
        <extracomment>Parameters: date, modality, count, baseline_count, baseline_date</extracomment>
        <translation>More bone lesions: {count} on {modality} of {date}, {baseline_count} on the baseline imaging ({baseline_date}); different modality: confirm the lesions are new.</translation>
    </message>
    <message>
        <source>response.pd.plasmacytoma</source>
        <extracomment>Parameters: date, modality, baseline_date</extracomment>
        <translation>New plasmacytoma on {modality} of {date}; none at baseline ({baseline_date}).</translation>
    </message>
    <message>
        <source>response.pd.plasmacytoma.no_baseline</source>
        <extracomment>Parameters: date, modality</extracomment>
        <translation>Plasmacytoma on {modality} of {date}; no baseline imaging reported one.</translation>
    </message>
    <message>
        <source>response.pd.plasmacytoma.event</source>
        <extracomment>Parameters: date</extracomment>
        <translation>New plasmacytoma recorded on {date}.</translation>
    </message>
    <message>
        <source>mrd_status.none</source>
        <extracomment>Parameters: </extracomment>
        <translation>No MRD test recorded.</translation>
    </message>
    <message>
        <source>mrd_status.negative</source>
        <extracomment>Parameters: date, method, sensitivity</extracomment>
        <translation>MRD-negative by {method} on {date} (sensitivity {sensitivity}).</translation>
    </message>
    <message>
        <source>mrd_status.negative_insufficient</source>
        <extracomment>Parameters: date, method, sensitivity, required</extracomment>
        <translation>MRD-negative by {method} on {date}, but at sensitivity {sensitivity}: not counted (needs {required} or better).</translation>
    </message>
    <message>
        <source>mrd_status.positive</source>
        <extracomment>Parameters: date, method, sensitivity</extracomment>
        <translation>MRD-positive by {method} on {date} (sensitivity {sensitivity}).</translation>
    </message>
    <message>
        <source>mrd_status.sustained</source>
        <extracomment>Parameters: first, last, days</extracomment>
        <translation>Sustained MRD negativity: negative from {first} to {last}, {days} days apart.</translation>
    </message>
    <message>
        <source>mrd_status.not_sustained</source>
        <extracomment>Parameters: first, last, due</extracomment>
        <translation>MRD-negative since {first}, last tested {last}; sustained once still negative on or after {due}.</translation>
    </message>
    <message>
        <source>mrd_status.sustained_imaging</source>
        <extracomment>Parameters: first, last, pet_date</extracomment>
        <translation>Imaging negative as well: PET-CT without uptake on {pet_date}, between {first} and {last}.</translation>
    </message>
    <message>
        <source>mrd_status.sustained_imaging_missing</source>
        <extracomment>Parameters: first, last</extracomment>
        <translation>No PET-CT without uptake between {first} and {last}: imaging negativity not shown.</translation>
    </message>
    <message>
        <source>mrd_status.imaging_plus</source>
        <extracomment>Parameters: mrd_date, pet_date</extracomment>
        <translation>Imaging-plus MRD-negative: MRD-negative since {mrd_date} and PET-CT without uptake on {pet_date}.</translation>
    </message>
    <message>
        <source>staging.missing.b2m</source>
        <extracomment>Parameters: </extracomment>
        <translation>No β2-microglobulin result.</translation>
    </message>
    <message>
        <source>staging.missing.albumin</source>
        <extracomment>Parameters: </extracomment>
        <translation>No albumin result.</translation>
    </message>
    <message>
        <source>staging.missing.ldh</source>
        <extracomment>Parameters: </extracomment>
        <translation>No LDH result.</translation>
    </message>
    <message>
        <source>staging.missing.creatinine</source>
        <extracomment>Parameters: </extracomment>
        <translation>No creatinine result.</translation>
    </message>
    <message>
        <source>staging.missing.del_17p</source>
        <extracomment>Parameters: </extracomment>
        <translation>del(17p) not tested.</translation>
    </message>
    <message>
        <source>staging.missing.tp53_mutation</source>
        <extracomment>Parameters: </extracomment>
        <translation>TP53 mutation not tested.</translation>
    </message>
    <message>
        <source>staging.missing.t_4_14</source>
        <extracomment>Parameters: </extracomment>
        <translation>t(4;14) not tested.</translation>
    </message>
    <message>
        <source>staging.missing.t_14_16</source>
        <extracomment>Parameters: </extracomment>
        <translation>t(14;16) not tested.</translation>
    </message>
    <message>
        <source>staging.missing.t_14_20</source>
        <extracomment>Parameters: </extracomment>
        <translation>t(14;20) not tested.</translation>
    </message>
    <message>
        <source>staging.missing.gain_1q</source>
        <extracomment>Parameters: </extracomment>
        <translation>1q gain/amplification not tested.</translation>
    </message>
    <message>
        <source>staging.missing.del_1p32</source>
        <extracomment>Parameters: </extracomment>
        <translation>del(1p32) not tested.</translation>
    </message>
    <message>
        <source>staging.missing.hyperdiploid</source>
        <extracomment>Parameters: </extracomment>
        <translation>Hyperdiploidy not tested.</translation>
    </message>
    <message>
        <source>staging.missing.del_17p_clonal_fraction</source>
        <extracomment>Parameters: </extracomment>
        <translation>del(17p) clonal fraction not recorded.</translation>
    </message>
    <message>
        <source>staging.ldh.default_uln</source>
        <extracomment>Parameters: uln</extracomment>
        <translation>The lab gave no LDH upper limit: default ULN {uln} used.</translation>
    </message>
    <message>
        <source>staging.mayo_additive.group_0</source>
        <extracomment>Parameters: median_pfs_months, median_os_years, source</extracomment>
        <translation>Mayo additive stage: 0 points. Median PFS with frontline therapy {median_pfs_months} months, median OS from diagnosis {median_os_years} years ({source}).</translation>
    </message>
    <message>
        <source>staging.mayo_additive.group_1</source>
        <extracomment>Parameters: median_pfs_months, median_os_years, source</extracomment>
        <translation>Mayo additive stage: 1 point. Median PFS with frontline therapy {median_pfs_months} months, median OS from diagnosis {median_os_years} years ({source}).</translation>
    </message>
    <message>
        <source>staging.mayo_additive.group_2</source>
        <extracomment>Parameters: median_pfs_months, median_os_years, source</extracomment>
        <translation>Mayo additive stage: 2 points or more. Median PFS with frontline therapy {median_pfs_months} months, median OS from diagnosis {median_os_years} years ({source}).</translation>
    </message>
    <message>
        <source>staging.mayo_additive.undetermined</source>
        <extracomment>Parameters: </extracomment>
        <translation>Mayo additive stage undetermined: the missing results could change the group, so no median PFS or OS is shown.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.no_plan</source>
        <extracomment>Parameters: </extracomment>
        <translation>No transplant planned.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.performed</source>
        <extracomment>Parameters: performed</extracomment>
        <translation>Transplant performed on {performed}.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.withdrawn</source>
        <extracomment>Parameters: planned, withdrawn</extracomment>
        <translation>Transplant planned for {planned} withdrawn on {withdrawn}: no conditioning note.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.closed</source>
        <extracomment>Parameters: planned, closed</extracomment>
        <translation>Transplant planned for {planned} neither performed nor withdrawn by {closed} (the planned date + 30 days): conditioning note closed; record the transplant's outcome.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mel200_subgroup</source>
        <extracomment>Parameters: planned, features</extracomment>
        <translation>ASCT planned {planned}; adverse features: {features}. In Mirgh 2026, melphalan 200 mg/m² gave longer PFS with these features. Evidence note, not a prescription.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mel140_subgroup</source>
        <extracomment>Parameters: planned</extracomment>
        <translation>ASCT planned {planned}; MRD negative, PET-CT negative and standard-risk cytogenetics. In Mirgh 2026, melphalan 140 mg/m² was not inferior in such patients. Evidence note, not a prescription.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.undetermined</source>
        <extracomment>Parameters: planned, unknown</extracomment>
        <translation>ASCT planned {planned}; no adverse feature found, but not known before ASCT: {unknown}. The Mirgh 2026 subgroup is undetermined.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.none</source>
        <extracomment>Parameters: </extracomment>
        <translation>No MRD test on record.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.none</source>
        <extracomment>Parameters: </extracomment>
        <translation>No PET-CT on record.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.positive.in_window</source>
        <extracomment>Parameters: date, method, sensitivity, planned, days</extracomment>
        <translation>Pre-ASCT MRD positive by {method} on {date} (sensitivity {sensitivity}), within {days} days before {planned}.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.positive.outside_window</source>
        <extracomment>Parameters: date, method, sensitivity, planned, days</extracomment>
        <translation>Latest MRD positive by {method} on {date} (sensitivity {sensitivity}), not within {days} days before {planned}: not used for the subgroup.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.negative.in_window</source>
        <extracomment>Parameters: date, method, sensitivity, planned, days</extracomment>
        <translation>Pre-ASCT MRD negative by {method} on {date} (sensitivity {sensitivity}), within {days} days before {planned}.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.negative.outside_window</source>
        <extracomment>Parameters: date, method, sensitivity, planned, days</extracomment>
        <translation>Latest MRD negative by {method} on {date} (sensitivity {sensitivity}), not within {days} days before {planned}: not used for the subgroup.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.negative_insufficient.in_window</source>
        <extracomment>Parameters: date, method, sensitivity, planned, days</extracomment>
        <translation>Pre-ASCT MRD negative by {method} on {date}, within {days} days before {planned}, but at sensitivity {sensitivity}: too low to count.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.negative_insufficient.outside_window</source>
        <extracomment>Parameters: date, method, sensitivity, planned, days</extracomment>
        <translation>Latest MRD negative by {method} on {date}, at sensitivity {sensitivity} too low to count, and not within {days} days before {planned}.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.fdg_avid.in_window</source>
        <extracomment>Parameters: date, planned, days</extracomment>
        <translation>Pre-ASCT PET-CT of {date} FDG-avid, within {days} days before {planned}.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.fdg_avid.outside_window</source>
        <extracomment>Parameters: date, planned, days</extracomment>
        <translation>Latest PET-CT of {date} FDG-avid, not within {days} days before {planned}: not used for the subgroup.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.not_fdg_avid.in_window</source>
        <extracomment>Parameters: date, planned, days</extracomment>
        <translation>Pre-ASCT PET-CT of {date} without FDG uptake, within {days} days before {planned}.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.not_fdg_avid.outside_window</source>
        <extracomment>Parameters: date, planned, days</extracomment>
        <translation>Latest PET-CT of {date} without FDG uptake, not within {days} days before {planned}: not used for the subgroup.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.not_recorded.in_window</source>
        <extracomment>Parameters: date, planned, days</extracomment>
        <translation>PET-CT of {date}, within {days} days before {planned}, but FDG uptake not recorded.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.not_recorded.outside_window</source>
        <extracomment>Parameters: date, planned, days</extracomment>
        <translation>Latest PET-CT of {date}: FDG uptake not recorded, and not within {days} days before {planned}.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.cytogenetics.high</source>
        <extracomment>Parameters: present, abnormalities, since</extracomment>
        <translation>High-risk cytogenetics by IMS/IMWG 2025 criteria 1–3 ({present}): {abnormalities} found, high risk since {since}; every abnormality ever found counts.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.cytogenetics.standard</source>
        <extracomment>Parameters: latest</extracomment>
        <translation>Standard-risk cytogenetics: no IMS/IMWG 2025 criterion 1–3 met by any result up to {latest}.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.cytogenetics.unknown</source>
        <extracomment>Parameters: missing</extracomment>
        <translation>Cytogenetic risk by IMS/IMWG 2025 criteria 1–3 undetermined; not tested: {missing}.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.age.above</source>
        <extracomment>Parameters: age, limit, planned</extracomment>
        <translation>Age {age} on the planned date {planned}, above {limit}: a centre-practice reason for melphalan 140 mg/m².</translation>
    </message>
    <message>
        <source>asct.conditioning_note.age.not_above</source>
        <extracomment>Parameters: age, limit, planned</extracomment>
        <translation>Age {age} on the planned date {planned}, not above {limit}.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.crcl.below</source>
        <extracomment>Parameters: crcl, limit, creatinine_date, weight, weight_date</extracomment>
        <translation>CrCl {crcl} mL/min (creatinine of {creatinine_date}, weight {weight} kg on {weight_date}), below {limit} mL/min: a centre-practice reason for melphalan 140 mg/m².</translation>
    </message>
    <message>
        <source>asct.conditioning_note.crcl.not_below</source>
        <extracomment>Parameters: crcl, limit, creatinine_date, weight, weight_date</extracomment>
        <translation>CrCl {crcl} mL/min (creatinine of {creatinine_date}, weight {weight} kg on {weight_date}), not below {limit} mL/min.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.crcl.no_weight</source>
        <extracomment>Parameters: egfr, creatinine_date</extracomment>
        <translation>CrCl not computable: record a weight (eGFR {egfr} mL/min/1.73 m² from the creatinine of {creatinine_date}).</translation>
    </message>
    <message>
        <source>asct.conditioning_note.crcl.no_creatinine</source>
        <extracomment>Parameters: </extracomment>
        <translation>No creatinine on record: CrCl unknown.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.evidence.mirgh_2026</source>
        <extracomment>Parameters: patients, mucositis_mel200_percent, mucositis_mel140_percent</extracomment>
        <translation>Mirgh 2026 ({patients} patients): no overall PFS or OS difference between melphalan 200 and 140 mg/m²; grade 3–4 mucositis {mucositis_mel200_percent}% vs {mucositis_mel140_percent}%.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.evidence.ebmt_calm</source>
        <extracomment>Parameters: patients</extracomment>
        <translation>EBMT/CALM ({patients} patients): no overall difference; melphalan 200 mg/m² better if transplanted in less than PR, 140 mg/m² favoured for OS in VGPR or CR.</translation>
    </message>
    <message>
        <source>asct.conditioning_note.evidence.cibmtr</source>
        <extracomment>Parameters: patients, crcl_from, crcl_to, pfs_mel200_percent, pfs_mel140_percent</extracomment>
        <translation>CIBMTR ({patients} patients): with CrCl {crcl_from}–{crcl_to} mL/min, 5-year PFS {pfs_mel200_percent}% with melphalan 200 mg/m² vs {pfs_mel140_percent}% with 140 mg/m².</translation>
    </message>
    <message>
        <source>dental.before_bta.done</source>
        <extracomment>Parameters: date, first</extracomment>
        <translation>Dental check {date}, before the first dose on {first}.</translation>
    </message>
    <message>
        <source>dental.before_bta.ready</source>
        <extracomment>Parameters: date, due</extracomment>
        <translation>Dental check {date}; bone-targeted therapy to start by {due}.</translation>
    </message>
    <message>
        <source>dental.before_bta.after_start</source>
        <extracomment>Parameters: date, first</extracomment>
        <translation>Dental check {date}, done after bone-targeted therapy started ({first}).</translation>
    </message>
    <message>
        <source>dental.before_bta.missing</source>
        <extracomment>Parameters: first, days</extracomment>
        <translation>No dental check in the {days} days before the first dose ({first}).</translation>
    </message>
    <message>
        <source>dental.before_bta.needed</source>
        <extracomment>Parameters: due, days</extracomment>
        <translation>Dental check needed before bone-targeted therapy starts (by {due}); none in the last {days} days.</translation>
    </message>
    <message>
        <source>dental.before_bta.treatment_needed</source>
        <extracomment>Parameters: date, due</extracomment>
        <translation>Dental check {date} found treatment needed: not yet cleared for bone-targeted therapy (due by {due}).</translation>
    </message>
    <message>
        <source>dental.periodic.no_exam</source>
        <extracomment>Parameters: first, days</extracomment>
        <translation>No dental check since {days} days before the first dose ({first}): the check before bone therapy comes first.</translation>
    </message>
    <message>
        <source>dental.periodic.due</source>
        <extracomment>Parameters: last, months, agent</extracomment>
        <translation>Last dental check {last}; every {months} months while on {agent}.</translation>
    </message>
    <message>
        <source>dental.periodic.treatment_needed</source>
        <extracomment>Parameters: last, months</extracomment>
        <translation>Last dental check {last} found treatment needed: check again within {months} months.</translation>
    </message>
    <message>
        <source>alert.onj_risk.none</source>
        <extracomment>Parameters: days</extracomment>
        <translation>No invasive dental procedure planned or done in the last {days} days.</translation>
    </message>
    <message>
        <source>alert.onj_risk.planned</source>
        <extracomment>Parameters: date</extracomment>
        <translation>Invasive dental procedure planned for {date}: risk of osteonecrosis of the jaw; discuss holding bone therapy around it.</translation>
    </message>
    <message>
        <source>alert.onj_risk.done</source>
        <extracomment>Parameters: date</extracomment>
        <translation>Invasive dental procedure on {date}: risk of osteonecrosis of the jaw; discuss holding bone therapy around it.</translation>
    </message>
    <message>
        <source>alert.onj_risk.planned_after_therapy</source>
        <extracomment>Parameters: date, last, months</extracomment>
        <translation>Invasive dental procedure planned for {date}, within {months} months of the last bone-therapy dose ({last}): the risk of osteonecrosis of the jaw persists after bone therapy; inform the dentist.</translation>
    </message>
    <message>
        <source>alert.onj_risk.done_after_therapy</source>
        <extracomment>Parameters: date, last, months</extracomment>
        <translation>Invasive dental procedure on {date}, within {months} months of the last bone-therapy dose ({last}): the risk of osteonecrosis of the jaw persists after bone therapy; watch the healing.</translation>
    </message>
    <message>
        <source>alert.onj_risk.exposure_over</source>
        <extracomment>Parameters: last, months</extracomment>
        <translation>Last bone-therapy dose {last}, more than {months} months ago.</translation>
    </message>
    <message>
        <source>imaging.baseline.no_diagnosis</source>
        <extracomment>Parameters: </extracomment>
        <translation>No SMM or NDMM diagnosis recorded.</translation>
    </message>
    <message>
        <source>imaging.baseline.due</source>
        <extracomment>Parameters: phase, diagnosis, since, due</extracomment>
        <translation>Whole-body low-dose CT, PET-CT or MRI due by {due} for the {phase} diagnosis of {diagnosis}; none since {since}.</translation>
    </message>
    <message>
        <source>imaging.baseline.done</source>
        <extracomment>Parameters: phase, diagnosis, modality, date</extracomment>
        <translation>Baseline imaging for the {phase} diagnosis of {diagnosis}: {modality} on {date}.</translation>
    </message>
    <message>
        <source>imaging.baseline.suboptimal</source>
        <extracomment>Parameters: phase, diagnosis, date</extracomment>
        <translation>Only a skeletal survey ({date}) for the {phase} diagnosis of {diagnosis}: suboptimal; whole-body low-dose CT, PET-CT or MRI preferred.</translation>
    </message>
    <message>
        <source>imaging.baseline.closed</source>
        <extracomment>Parameters: phase, diagnosis, modality, date, closed</extracomment>
        <translation>Baseline imaging for the {phase} diagnosis of {diagnosis}: {modality} on {date}; closed on {closed}, 12 months after the diagnosis.</translation>
    </message>
    <message>
        <source>imaging.baseline.not_done_at_diagnosis</source>
        <extracomment>Parameters: phase, diagnosis, closed</extracomment>
        <translation>Not done at diagnosis: no whole-body imaging for the {phase} diagnosis of {diagnosis}; closed on {closed}, 12 months after the diagnosis.</translation>
    </message>
    <message>
        <source>imaging.smm_mri.not_smm</source>
        <extracomment>Parameters: </extracomment>
        <translation>Applies in SMM only.</translation>
    </message>
    <message>
        <source>imaging.smm_mri.no_imaging</source>
        <extracomment>Parameters: </extracomment>
        <translation>No whole-body imaging yet: see baseline imaging.</translation>
    </message>
    <message>
        <source>imaging.smm_mri.not_needed</source>
        <extracomment>Parameters: modality, date</extracomment>
        <translation>First whole-body imaging was {modality} ({date}): no further MRI needed.</translation>
    </message>
    <message>
        <source>imaging.smm_mri.lytic</source>
        <extracomment>Parameters: modality, date, lesions</extracomment>
        <translation>Lytic lesions on {modality} of {date} ({lesions}): assess for active MM (SLiM-CRAB) rather than add an MRI.</translation>
    </message>
    <message>
        <source>imaging.smm_mri.due</source>
        <extracomment>Parameters: modality, date, days, due</extracomment>
        <translation>No lytic lesions on {modality} of {date}: whole-body MRI or PET-CT within {days} days, by {due}.</translation>
    </message>
    <message>
        <source>imaging.smm_mri.done</source>
        <extracomment>Parameters: modality, date</extracomment>
        <translation>Completed by {modality} on {date}.</translation>
    </message>
    <message>
        <source>imaging.smm_followup.not_smm</source>
        <extracomment>Parameters: </extracomment>
        <translation>Applies in SMM only.</translation>
    </message>
    <message>
        <source>imaging.smm_followup.ended</source>
        <extracomment>Parameters: diagnosis, years</extracomment>
        <translation>More than {years} years since the SMM diagnosis ({diagnosis}): yearly imaging no longer flagged.</translation>
    </message>
    <message>
        <source>imaging.smm_followup.no_imaging</source>
        <extracomment>Parameters: </extracomment>
        <translation>No whole-body imaging yet: see baseline imaging.</translation>
    </message>
    <message>
        <source>imaging.smm_followup.due</source>
        <extracomment>Parameters: modality, last, months, due</extracomment>
        <translation>Last whole-body imaging {last} ({modality}); repeat every {months} months, next by {due}.</translation>
    </message>
    <message>
        <source>record.phase.no_phase.registered</source>
        <extracomment>Parameters: start, days, due</extracomment>
        <translation>No disease phase recorded: record the phase (registered {start}; due {due}, {days} days after registration).</translation>
    </message>
    <message>
        <source>record.phase.no_phase.first_entry</source>
        <extracomment>Parameters: start, days, due</extracomment>
        <translation>No disease phase recorded: record the phase (no registration date; first entry {start}; due {due}, {days} days after it).</translation>
    </message>
    <message>
        <source>record.phase.no_phase.as_of</source>
        <extracomment>Parameters: start, days, due</extracomment>
        <translation>No disease phase recorded and no registration date or entry: record the phase (due {due}, {days} days from {start}).</translation>
    </message>
    <message>
        <source>record.phase.relapse_missing</source>
        <extracomment>Parameters: start, days, due</extracomment>
        <translation>Salvage line started {start} without a RELAPSE phase entry within {days} days: record the relapse (due {due}).</translation>
    </message>
    <message>
        <source>record.phase.ndmm_missing</source>
        <extracomment>Parameters: start, days, due</extracomment>
        <translation>Induction line started {start} without an NDMM phase entry within {days} days: record the diagnosis phase (due {due}).</translation>
    </message>
    <message>
        <source>record.phase.recorded</source>
        <extracomment>Parameters: phase, date</extracomment>
        <translation>Phase recorded: {phase} since {date}.</translation>
    </message>
    <message>
        <source>record.phase.not_in_care</source>
        <extracomment>Parameters: since</extracomment>
        <translation>No longer in care since {since}.</translation>
    </message>
    <message>
        <source>record.treatment_line.missing</source>
        <extracomment>Parameters: phase, start, days, due</extracomment>
        <translation>{phase} from {start} has no treatment line: record the treatment line, response and progression are measured from it (due {due}, {days} days after the start).</translation>
    </message>
    <message>
        <source>record.treatment_line.recorded</source>
        <extracomment>Parameters: start, line_start</extracomment>
        <translation>Treatment episode from {start}: first line started {line_start}.</translation>
    </message>
    <message>
        <source>record.treatment_line.no_episode</source>
        <extracomment>Parameters: </extracomment>
        <translation>No treatment episode (no NDMM or relapse recorded).</translation>
    </message>
    <message>
        <source>record.treatment_line.not_in_care</source>
        <extracomment>Parameters: since</extracomment>
        <translation>No longer in care since {since}.</translation>
    </message>
    <message>
        <source>smm.missing.bmpc</source>
        <extracomment>Parameters: </extracomment>
        <translation>No bone-marrow plasma cell result.</translation>
    </message>
    <message>
        <source>smm.missing.m_protein</source>
        <extracomment>Parameters: </extracomment>
        <translation>No serum M-protein result.</translation>
    </message>
    <message>
        <source>smm.missing.flc</source>
        <extracomment>Parameters: </extracomment>
        <translation>No κ and λ free light chains on the same day: FLC ratio unknown.</translation>
    </message>
    <message>
        <source>smm.missing.fish</source>
        <extracomment>Parameters: </extracomment>
        <translation>FISH not available (scored 0 in the IMWG 2020 score, which is then incomplete).</translation>
    </message>
    <message>
        <source>smm.mayo2018.low</source>
        <extracomment>Parameters: factors, median_ttp_months, ttp_source, two_year_percent, risk_source</extracomment>
        <translation>Mayo 2018 (20/2/20) low risk, {factors} of 3 factors: median time to progression {median_ttp_months} months ({ttp_source}); {two_year_percent}% progress at 2 years ({risk_source}).</translation>
    </message>
    <message>
        <source>smm.mayo2018.intermediate</source>
        <extracomment>Parameters: factors, median_ttp_months, ttp_source, two_year_percent, risk_source</extracomment>
        <translation>Mayo 2018 (20/2/20) intermediate risk, {factors} of 3 factors: median time to progression {median_ttp_months} months ({ttp_source}); {two_year_percent}% progress at 2 years ({risk_source}).</translation>
    </message>
    <message>
        <source>smm.mayo2018.high</source>
        <extracomment>Parameters: factors, median_ttp_months, ttp_source, two_year_percent, risk_source</extracomment>
        <translation>Mayo 2018 (20/2/20) high risk, {factors} of 3 factors: median time to progression {median_ttp_months} months ({ttp_source}); {two_year_percent}% progress at 2 years ({risk_source}).</translation>
    </message>
    <message>
        <source>smm.mayo2018.undetermined</source>
        <extracomment>Parameters: factors_low, factors_high</extracomment>
        <translation>Mayo 2018 risk undetermined: {factors_low} to {factors_high} factors possible with the missing inputs.</translation>
    </message>
    <message>
        <source>smm.mateos2020.low</source>
        <extracomment>Parameters: factors, two_year_percent</extracomment>
        <translation>20/2/20 with FISH (Mateos 2020) low risk, {factors} of 4 factors: {two_year_percent}% progress at 2 years.</translation>
    </message>
    <message>
        <source>smm.mateos2020.low_intermediate</source>
        <extracomment>Parameters: factors, two_year_percent</extracomment>
        <translation>20/2/20 with FISH (Mateos 2020) low-intermediate risk, {factors} of 4 factors: {two_year_percent}% progress at 2 years.</translation>
    </message>
    <message>
        <source>smm.mateos2020.intermediate</source>
        <extracomment>Parameters: factors, two_year_percent</extracomment>
        <translation>20/2/20 with FISH (Mateos 2020) intermediate risk, {factors} of 4 factors: {two_year_percent}% progress at 2 years.</translation>
    </message>
    <message>
        <source>smm.mateos2020.high</source>
        <extracomment>Parameters: factors, two_year_percent</extracomment>
        <translation>20/2/20 with FISH (Mateos 2020) high risk, {factors} of 4 factors: {two_year_percent}% progress at 2 years.</translation>
    </message>
    <message>
        <source>smm.mateos2020.undetermined</source>
        <extracomment>Parameters: factors_low, factors_high</extracomment>
        <translation>20/2/20 with FISH (Mateos 2020) undetermined: {factors_low} to {factors_high} factors possible with the missing inputs.</translation>
    </message>
    <message>
        <source>smm.imwg2020.low</source>
        <extracomment>Parameters: score, group_percent, score_percent</extracomment>
        <translation>IMWG 2020 score {score}, low risk: {group_percent}% progress at 2 years ({score_percent}% for this score).</translation>
    </message>
    <message>
        <source>smm.imwg2020.low_intermediate</source>
        <extracomment>Parameters: score, group_percent, score_percent</extracomment>
        <translation>IMWG 2020 score {score}, low-intermediate risk: {group_percent}% progress at 2 years ({score_percent}% for this score).</translation>
    </message>
    <message>
        <source>smm.imwg2020.intermediate</source>
        <extracomment>Parameters: score, group_percent, score_percent</extracomment>
        <translation>IMWG 2020 score {score}, intermediate risk: {group_percent}% progress at 2 years ({score_percent}% for this score).</translation>
    </message>
    <message>
        <source>smm.imwg2020.high</source>
        <extracomment>Parameters: score, group_percent, score_percent</extracomment>
        <translation>IMWG 2020 score {score}, high risk: {group_percent}% progress at 2 years ({score_percent}% for this score).</translation>
    </message>
    <message>
        <source>smm.imwg2020.not_computable</source>
        <extracomment>Parameters: </extracomment>
        <translation>IMWG 2020 score not computable: FLC ratio, serum M-protein or bone-marrow plasma cells missing.</translation>
    </message>
    <message>
        <source>smm.pangea.m_protein.met</source>
        <extracomment>Parameters: latest, latest_date, baseline, baseline_date, change, limit</extracomment>
        <translation>Serum M-protein rose {change}, from {baseline} on {baseline_date} to {latest} on {latest_date}: at least {limit}.</translation>
    </message>
    <message>
        <source>smm.pangea.m_protein.not_met</source>
        <extracomment>Parameters: latest, latest_date, baseline, baseline_date, change, limit</extracomment>
        <translation>Serum M-protein from {baseline} on {baseline_date} to {latest} on {latest_date}: rise {change}, less than {limit}.</translation>
    </message>
    <message>
        <source>smm.pangea.flc_ratio.met</source>
        <extracomment>Parameters: latest, latest_date, baseline, baseline_date, change, limit</extracomment>
        <translation>FLC ratio rose {change}, from {baseline} on {baseline_date} to {latest} on {latest_date}: at least {limit}.</translation>
    </message>
    <message>
        <source>smm.pangea.flc_ratio.not_met</source>
        <extracomment>Parameters: latest, latest_date, baseline, baseline_date, change, limit</extracomment>
        <translation>FLC ratio from {baseline} on {baseline_date} to {latest} on {latest_date}: rise {change}, less than {limit}.</translation>
    </message>
    <message>
        <source>smm.pangea.creatinine.met</source>
        <extracomment>Parameters: latest, latest_date, baseline, baseline_date, change, limit</extracomment>
        <translation>Creatinine rose {change}%, from {baseline} on {baseline_date} to {latest} on {latest_date}: more than {limit}%.</translation>
    </message>
    <message>
        <source>smm.pangea.creatinine.not_met</source>
        <extracomment>Parameters: latest, latest_date, baseline, baseline_date, change, limit</extracomment>
        <translation>Creatinine from {baseline} on {baseline_date} to {latest} on {latest_date}: rise {change}%, not more than {limit}%.</translation>
    </message>
    <message>
        <source>smm.pangea.hemoglobin.met</source>
        <extracomment>Parameters: latest, latest_date, baseline, baseline_date, change, limit</extracomment>
        <translation>Hemoglobin fell {change}, from {baseline} on {baseline_date} to {latest} on {latest_date}: at least {limit}.</translation>
    </message>
    <message>
        <source>smm.pangea.hemoglobin.not_met</source>
        <extracomment>Parameters: latest, latest_date, baseline, baseline_date, change, limit</extracomment>
        <translation>Hemoglobin from {baseline} on {baseline_date} to {latest} on {latest_date}: fall {change}, less than {limit}.</translation>
    </message>
    <message>
        <source>smm.pangea.m_protein.not_evaluable</source>
        <extracomment>Parameters: </extracomment>
        <translation>Serum M-protein: no earlier result in the window to compare with.</translation>
    </message>
    <message>
        <source>smm.pangea.flc_ratio.not_evaluable</source>
        <extracomment>Parameters: </extracomment>
        <translation>FLC ratio: no earlier result in the window to compare with.</translation>
    </message>
    <message>
        <source>smm.pangea.creatinine.not_evaluable</source>
        <extracomment>Parameters: </extracomment>
        <translation>Creatinine: no earlier result in the window to compare with.</translation>
    </message>
    <message>
        <source>smm.pangea.hemoglobin.not_evaluable</source>
        <extracomment>Parameters: </extracomment>
        <translation>Hemoglobin: no earlier result in the window to compare with.</translation>
    </message>
    <message>
        <source>labs.monitoring.not_in_care</source>
        <extracomment>Parameters: since</extracomment>
        <translation>No longer in care since {since}.</translation>
    </message>
    <message>
        <source>labs.monitoring.no_phase.last_result</source>
        <extracomment>Parameters: last, analyte, months, due</extracomment>
        <translation>No disease phase recorded: followed as SMM of unknown risk. Last M-protein or FLC result {last} ({analyte}); every {months} months, next by {due}.</translation>
    </message>
    <message>
        <source>labs.monitoring.no_phase.registered</source>
        <extracomment>Parameters: start, months, due</extracomment>
        <translation>No disease phase and no M-protein or FLC result recorded: followed as SMM of unknown risk from registration {start}; every {months} months, first by {due}.</translation>
    </message>
    <message>
        <source>labs.monitoring.no_phase.first_entry</source>
        <extracomment>Parameters: start, months, due</extracomment>
        <translation>No disease phase and no M-protein or FLC result recorded: followed as SMM of unknown risk from the first entry {start} (no registration date); every {months} months, first by {due}.</translation>
    </message>
    <message>
        <source>labs.monitoring.no_phase.as_of</source>
        <extracomment>Parameters: start, months, due</extracomment>
        <translation>No disease phase, no M-protein or FLC result and no registration date recorded: followed as SMM of unknown risk from {start}; every {months} months, first by {due}.</translation>
    </message>
    <message>
        <source>labs.monitoring.smm_high.last_result</source>
        <extracomment>Parameters: phase, last, analyte, months, due</extracomment>
        <translation>Last {analyte} {last}; {phase}, high risk (Mayo 2018): every {months} months, next by {due}.</translation>
    </message>
    <message>
        <source>labs.monitoring.smm_intermediate.last_result</source>
        <extracomment>Parameters: phase, last, analyte, months, due</extracomment>
        <translation>Last {analyte} {last}; {phase}, intermediate risk (Mayo 2018): every {months} months, next by {due}.</translation>
    </message>
    <message>
        <source>labs.monitoring.smm_unknown.last_result</source>
        <extracomment>Parameters: phase, last, analyte, months, due</extracomment>
        <translation>Last {analyte} {last}; {phase}, Mayo 2018 risk unknown: every {months} months, next by {due}.</translation>
    </message>
    <message>
        <source>labs.monitoring.smm_low_first_year.last_result</source>
        <extracomment>Parameters: phase, last, analyte, months, diagnosis, due</extracomment>
        <translation>Last {analyte} {last}; {phase}, low risk (Mayo 2018), first year after the diagnosis of {diagnosis}: every {months} months, next by {due}.</translation>
    </message>
    <message>
        <source>labs.monitoring.smm_low.last_result</source>
        <extracomment>Parameters: phase, last, analyte, months, diagnosis, due</extracomment>
        <translation>Last {analyte} {last}; {phase}, low risk (Mayo 2018), more than a year after the diagnosis of {diagnosis}: every {months} months, next by {due}.</translation>
    </message>
    <message>
        <source>labs.monitoring.active.last_result</source>
        <extracomment>Parameters: phase, last, analyte, days, due</extracomment>
        <translation>Last {analyte} {last}; {phase}, on active therapy: every {days} days, next by {due}.</translation>
    </message>
    <message>
        <source>labs.monitoring.maintenance.last_result</source>
        <extracomment>Parameters: phase, last, analyte, days, due</extracomment>
        <translation>Last {analyte} {last}; {phase}: every {days} days, next by {due}.</translation>
    </message>
    <message>
        <source>labs.monitoring.smm_unknown.phase_start</source>
        <extracomment>Parameters: phase, start, months, due</extracomment>
        <translation>No M-protein or FLC result yet; {phase} since {start}, Mayo 2018 risk unknown: every {months} months, first by {due}.</translation>
    </message>
    <message>
        <source>labs.monitoring.active.phase_start</source>
        <extracomment>Parameters: phase, start, days, due</extracomment>
        <translation>No M-protein or FLC result yet; {phase} since {start}, on active therapy: every {days} days, first by {due}.</translation>
    </message>
    <message>
        <source>labs.monitoring.maintenance.phase_start</source>
        <extracomment>Parameters: phase, start, days, due</extracomment>
        <translation>No M-protein or FLC result yet; {phase} since {start}: every {days} days, first by {due}.</translation>
    </message>
    <message>
        <source>response.current.recorded.confirmed</source>
        <extracomment>Parameters: category, criteria, date</extracomment>
        <translation>Current response {category} on {date}, as recorded; confirmed ({criteria}).</translation>
    </message>
    <message>
        <source>response.current.recorded.unconfirmed</source>
        <extracomment>Parameters: category, criteria, date</extracomment>
        <translation>Current response {category} on {date}, as recorded; unconfirmed ({criteria}).</translation>
    </message>
    <message>
        <source>response.current.computed.confirmed</source>
        <extracomment>Parameters: category, criteria, date</extracomment>
        <translation>Current response {category} on {date}, computed from the labs; confirmed ({criteria}).</translation>
    </message>
    <message>
        <source>response.current.computed.unconfirmed</source>
        <extracomment>Parameters: category, criteria, date</extracomment>
        <translation>Current response {category} on {date}, computed from the labs; unconfirmed ({criteria}).</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.no_response</source>
        <extracomment>Parameters: minimum</extracomment>
        <translation>No response recorded or computed: MRD testing applies from {minimum}.</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.below_minimum</source>
        <extracomment>Parameters: minimum, category, date</extracomment>
        <translation>Response {category} on {date}, below {minimum}: MRD testing not indicated yet.</translation>
    </message>
    <message>
        <source>mrd.day100.no_response</source>
        <extracomment>Parameters: minimum</extracomment>
        <translation>No response recorded or computed: MRD testing applies from {minimum}.</translation>
    </message>
    <message>
        <source>mrd.day100.below_minimum</source>
        <extracomment>Parameters: minimum, category, date</extracomment>
        <translation>Response {category} on {date}, below {minimum}: MRD testing not indicated yet.</translation>
    </message>
    <message>
        <source>mrd.annual.no_response</source>
        <extracomment>Parameters: minimum</extracomment>
        <translation>No response recorded or computed: MRD testing applies from {minimum}.</translation>
    </message>
    <message>
        <source>mrd.annual.below_minimum</source>
        <extracomment>Parameters: minimum, category, date</extracomment>
        <translation>Response {category} on {date}, below {minimum}: MRD testing not indicated yet.</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.due.confirmed</source>
        <extracomment>Parameters: end, since, until, due, category, response_date</extracomment>
        <translation>Induction ended {end}: MRD test between {since} and {until}, due {due}; response {category} on {response_date}, confirmed.</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.due.unconfirmed</source>
        <extracomment>Parameters: end, since, until, due, category, response_date</extracomment>
        <translation>Induction ended {end}: MRD test between {since} and {until}, due {due}; response {category} on {response_date}, unconfirmed.</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.due.immunofixation</source>
        <extracomment>Parameters: end, since, until, due, ife_date</extracomment>
        <translation>Induction ended {end}: MRD test between {since} and {until}, due {due}; serum immunofixation negative on {ife_date} (the marrow confirms CR).</translation>
    </message>
    <message>
        <source>mrd.day100.due.confirmed</source>
        <extracomment>Parameters: performed, from_day, to_day, since, until, category, response_date</extracomment>
        <translation>ASCT on {performed}: MRD test on day {from_day}–{to_day}, between {since} and {until}; response {category} on {response_date}, confirmed.</translation>
    </message>
    <message>
        <source>mrd.day100.due.unconfirmed</source>
        <extracomment>Parameters: performed, from_day, to_day, since, until, category, response_date</extracomment>
        <translation>ASCT on {performed}: MRD test on day {from_day}–{to_day}, between {since} and {until}; response {category} on {response_date}, unconfirmed.</translation>
    </message>
    <message>
        <source>mrd.day100.due.immunofixation</source>
        <extracomment>Parameters: performed, from_day, to_day, since, until, ife_date</extracomment>
        <translation>ASCT on {performed}: MRD test on day {from_day}–{to_day}, between {since} and {until}; serum immunofixation negative on {ife_date} (the marrow confirms CR).</translation>
    </message>
    <message>
        <source>mrd.annual.after_test.confirmed</source>
        <extracomment>Parameters: last, months, due, category, response_date</extracomment>
        <translation>Last MRD test {last}; every {months} months in maintenance or continuous therapy, next by {due}; response {category} on {response_date}, confirmed.</translation>
    </message>
    <message>
        <source>mrd.annual.after_test.unconfirmed</source>
        <extracomment>Parameters: last, months, due, category, response_date</extracomment>
        <translation>Last MRD test {last}; every {months} months in maintenance or continuous therapy, next by {due}; response {category} on {response_date}, unconfirmed.</translation>
    </message>
    <message>
        <source>mrd.annual.after_test.immunofixation</source>
        <extracomment>Parameters: last, months, due, ife_date</extracomment>
        <translation>Last MRD test {last}; every {months} months in maintenance or continuous therapy, next by {due}; serum immunofixation negative on {ife_date}.</translation>
    </message>
    <message>
        <source>mrd.annual.after_start.confirmed</source>
        <extracomment>Parameters: started, months, due, category, response_date</extracomment>
        <translation>Maintenance since {started}: MRD test every {months} months, first by {due}; response {category} on {response_date}, confirmed.</translation>
    </message>
    <message>
        <source>mrd.annual.after_start.unconfirmed</source>
        <extracomment>Parameters: started, months, due, category, response_date</extracomment>
        <translation>Maintenance since {started}: MRD test every {months} months, first by {due}; response {category} on {response_date}, unconfirmed.</translation>
    </message>
    <message>
        <source>mrd.annual.after_start.immunofixation</source>
        <extracomment>Parameters: started, months, due, ife_date</extracomment>
        <translation>Maintenance since {started}: MRD test every {months} months, first by {due}; serum immunofixation negative on {ife_date}.</translation>
    </message>
    <message>
        <source>mrd.annual.after_line_start.confirmed</source>
        <extracomment>Parameters: started, months, due, category, response_date</extracomment>
        <translation>Continuous therapy since {started}: MRD test every {months} months, first by {due}; response {category} on {response_date}, confirmed.</translation>
    </message>
    <message>
        <source>mrd.annual.after_line_start.unconfirmed</source>
        <extracomment>Parameters: started, months, due, category, response_date</extracomment>
        <translation>Continuous therapy since {started}: MRD test every {months} months, first by {due}; response {category} on {response_date}, unconfirmed.</translation>
    </message>
    <message>
        <source>mrd.annual.after_line_start.immunofixation</source>
        <extracomment>Parameters: started, months, due, ife_date</extracomment>
        <translation>Continuous therapy since {started}: MRD test every {months} months, first by {due}; serum immunofixation negative on {ife_date}.</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.no_induction_end</source>
        <extracomment>Parameters: </extracomment>
        <translation>No induction line with an end date.</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.closed_asct</source>
        <extracomment>Parameters: performed</extracomment>
        <translation>Closed: ASCT performed on {performed}.</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.closed_maintenance</source>
        <extracomment>Parameters: started</extracomment>
        <translation>Closed: maintenance started on {started}.</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.closed_window</source>
        <extracomment>Parameters: end, due, closed</extracomment>
        <translation>Closed on {closed}, 90 days after the due date {due} (induction ended {end}).</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.done</source>
        <extracomment>Parameters: date, end, since, until</extracomment>
        <translation>MRD test {date}, between {since} and {until} around the end of induction ({end}).</translation>
    </message>
    <message>
        <source>mrd.day100.no_transplant</source>
        <extracomment>Parameters: </extracomment>
        <translation>No transplant performed.</translation>
    </message>
    <message>
        <source>mrd.day100.closed</source>
        <extracomment>Parameters: performed, closed</extracomment>
        <translation>Closed on {closed}, 180 days after the ASCT of {performed}.</translation>
    </message>
    <message>
        <source>mrd.day100.done</source>
        <extracomment>Parameters: date, performed, day</extracomment>
        <translation>MRD test {date}, day {day} after the ASCT of {performed}.</translation>
    </message>
    <message>
        <source>mrd.annual.not_maintenance</source>
        <extracomment>Parameters: </extracomment>
        <translation>Applies in maintenance, or on a treatment line running more than 12 months (continuous therapy).</translation>
    </message>
    <message>
        <source>mrd.annual.line_short</source>
        <extracomment>Parameters: started, until</extracomment>
        <translation>Line started {started}: yearly MRD testing applies once it has run more than 12 months, after {until}.</translation>
    </message>
    <message>
        <source>alert.mrd_lost.no_episode</source>
        <extracomment>Parameters: </extracomment>
        <translation>No treatment episode: no MRD-negative result to follow.</translation>
    </message>
    <message>
        <source>alert.mrd_lost.no_negative</source>
        <extracomment>Parameters: start</extracomment>
        <translation>No MRD-negative result since the treatment episode started on {start}.</translation>
    </message>
    <message>
        <source>alert.mrd_lost.negative</source>
        <extracomment>Parameters: mrd_date</extracomment>
        <translation>MRD negative on {mrd_date}; no positive MRD test or immunofixation since.</translation>
    </message>
    <message>
        <source>alert.mrd_lost.mrd_positive</source>
        <extracomment>Parameters: date, mrd_date</extracomment>
        <translation>MRD positive on {date} after MRD negative on {mrd_date}: loss of MRD negativity (IMWG 2016 relapse from MRD-negative); review at the next contact.</translation>
    </message>
    <message>
        <source>alert.mrd_lost.immunofixation_positive</source>
        <extracomment>Parameters: date, mrd_date, analyte</extracomment>
        <translation>Loss of MRD negativity: {analyte} positive on {date} after MRD negative on {mrd_date} (IMWG 2016 relapse from MRD-negative); review at the next contact.</translation>
    </message>
    <message>
        <source>alert.progression.not_active_mm</source>
        <extracomment>Parameters: </extracomment>
        <translation>Applies to active MM only.</translation>
    </message>
    <message>
        <source>alert.progression.no_baseline</source>
        <extracomment>Parameters: start</extracomment>
        <translation>No serum or urine M-protein or FLC result in the treatment episode that started on {start}: no response baseline.</translation>
    </message>
    <message>
        <source>alert.progression.none</source>
        <extracomment>Parameters: criteria, start</extracomment>
        <translation>No progression by {criteria} since the treatment episode started on {start}.</translation>
    </message>
    <message>
        <source>alert.progression.none.no_baseline_imaging</source>
        <extracomment>Parameters: criteria, start, until</extracomment>
        <translation>No progression by {criteria} since the treatment episode started on {start}; baseline imaging missing (no whole-body imaging with a lesion count by {until}): new bone lesions cannot be counted.</translation>
    </message>
    <message>
        <source>alert.progression.unconfirmed</source>
        <extracomment>Parameters: criteria, criterion, date</extracomment>
        <translation>PD by {criteria} on {date}, by {criterion}; unconfirmed: repeat to confirm.</translation>
    </message>
    <message>
        <source>alert.progression.unconfirmed.other_modality</source>
        <extracomment>Parameters: criteria, criterion, date</extracomment>
        <translation>PD by {criteria} on {date}, by {criterion}; different modality from the baseline imaging: confirm the lesions are new; unconfirmed: repeat to confirm.</translation>
    </message>
    <message>
        <source>alert.progression.confirmed</source>
        <extracomment>Parameters: criteria, criterion, date, confirmed_on</extracomment>
        <translation>PD by {criteria} on {date}, by {criterion}; confirmed on {confirmed_on}.</translation>
    </message>
    <message>
        <source>alert.progression.confirmed.other_modality</source>
        <extracomment>Parameters: criteria, criterion, date, confirmed_on</extracomment>
        <translation>PD by {criteria} on {date}, by {criterion}; different modality from the baseline imaging: confirm the lesions are new; confirmed on {confirmed_on}.</translation>
    </message>
    <message>
        <source>smm.risk.not_smm</source>
        <extracomment>Parameters: phase</extracomment>
        <translation>Applies in SMM only; current phase: {phase}.</translation>
    </message>
    <message>
        <source>alert.smm_mde.not_smm</source>
        <extracomment>Parameters: phase</extracomment>
        <translation>Applies in SMM only; current phase: {phase}.</translation>
    </message>
    <message>
        <source>alert.smm_high_risk.not_smm</source>
        <extracomment>Parameters: phase</extracomment>
        <translation>Applies in SMM only; current phase: {phase}.</translation>
    </message>
    <message>
        <source>alert.pangea_evolving.not_smm</source>
        <extracomment>Parameters: phase</extracomment>
        <translation>Applies in SMM only; current phase: {phase}.</translation>
    </message>
    <message>
        <source>smm.risk.scored</source>
        <extracomment>Parameters: date, m_protein_date, flc_date, bmpc_date, window_months, months, due</extracomment>
        <translation>Mayo 2018 last computable on {date} (M-protein {m_protein_date}, FLC {flc_date}, marrow {bmpc_date}; M-protein and FLC within {window_months} months); re-score every {months} months, next by {due}.</translation>
    </message>
    <message>
        <source>smm.risk.never_scored</source>
        <extracomment>Parameters: diagnosis, days, due, missing, window_months</extracomment>
        <translation>Mayo 2018 not yet computable, missing: {missing} (M-protein and FLC within {window_months} months); first score due {days} days after the SMM diagnosis of {diagnosis}, by {due}.</translation>
    </message>
    <message>
        <source>alert.smm_mde.met</source>
        <extracomment>Parameters: criteria, date</extracomment>
        <translation>SLiM-CRAB criteria met (latest value {date}): {criteria}. Evaluate for progression to active MM.</translation>
    </message>
    <message>
        <source>alert.smm_mde.none_met</source>
        <extracomment>Parameters: </extracomment>
        <translation>No SLiM-CRAB criterion met.</translation>
    </message>
    <message>
        <source>alert.smm_mde.none_met_incomplete</source>
        <extracomment>Parameters: not_evaluable</extracomment>
        <translation>No SLiM-CRAB criterion met; not evaluable: {not_evaluable}.</translation>
    </message>
    <message>
        <source>alert.smm_high_risk.mayo_2018</source>
        <extracomment>Parameters: factors, median_ttp_months, two_year_percent</extracomment>
        <translation>High-risk SMM by Mayo 2018 ({factors} of 3 factors; median time to progression {median_ttp_months} months, {two_year_percent}% at 2 years): discuss early intervention or a clinical trial.</translation>
    </message>
    <message>
        <source>alert.smm_high_risk.imwg_2020</source>
        <extracomment>Parameters: score, limit, group_percent</extracomment>
        <translation>High-risk SMM by IMWG 2020 score {score}, above {limit} ({group_percent}% at 2 years): discuss early intervention or a clinical trial.</translation>
    </message>
    <message>
        <source>alert.smm_high_risk.both</source>
        <extracomment>Parameters: factors, score, limit</extracomment>
        <translation>High-risk SMM by Mayo 2018 ({factors} of 3 factors) and IMWG 2020 (score {score}, above {limit}): discuss early intervention or a clinical trial.</translation>
    </message>
    <message>
        <source>alert.smm_high_risk.not_met</source>
        <extracomment>Parameters: limit</extracomment>
        <translation>Not high risk: Mayo 2018 not high and IMWG 2020 score not above {limit}.</translation>
    </message>
    <message>
        <source>alert.smm_high_risk.undetermined</source>
        <extracomment>Parameters: limit</extracomment>
        <translation>High risk undetermined: Mayo 2018 group unknown, IMWG 2020 score not above {limit} or not computable.</translation>
    </message>
    <message>
        <source>alert.pangea_evolving.met</source>
        <extracomment>Parameters: biomarkers, date, window_months</extracomment>
        <translation>PANGEA-SMM evolving biomarkers met: {biomarkers} (latest {date}, against the earliest value in the {window_months} months before).</translation>
    </message>
    <message>
        <source>alert.pangea_evolving.none_met</source>
        <extracomment>Parameters: window_months</extracomment>
        <translation>No PANGEA-SMM evolving biomarker met within {window_months} months.</translation>
    </message>
    <message>
        <source>alert.pangea_evolving.none_met_incomplete</source>
        <extracomment>Parameters: not_evaluable, window_months</extracomment>
        <translation>No PANGEA-SMM evolving biomarker met within {window_months} months; not evaluable: {not_evaluable}.</translation>
    </message>
    <message>
        <source>supplement.ca_vitd.hypercalcaemic</source>
        <extracomment>Parameters: value, uln, date</extracomment>
        <translation>Calcium {value} on {date}, above the ULN {uln}: no calcium supplement for now.</translation>
    </message>
    <message>
        <source>supplement.ca_vitd.taking</source>
        <extracomment>Parameters: since</extracomment>
        <translation>Calcium and vitamin D supplement since {since}.</translation>
    </message>
    <message>
        <source>supplement.ca_vitd.ended</source>
        <extracomment>Parameters: ended, first</extracomment>
        <translation>Calcium and vitamin D supplement ended {ended}; needed while on bone therapy (since {first}).</translation>
    </message>
    <message>
        <source>supplement.ca_vitd.missing</source>
        <extracomment>Parameters: first</extracomment>
        <translation>No calcium and vitamin D supplement recorded since bone therapy started ({first}).</translation>
    </message>
    <message>
        <source>vitd.level.first</source>
        <extracomment>Parameters: first, days</extracomment>
        <translation>25-OH vitamin D due {days} days after the first dose ({first}).</translation>
    </message>
    <message>
        <source>vitd.level.deficient</source>
        <extracomment>Parameters: value, date, threshold</extracomment>
        <translation>25-OH vitamin D {value} on {date}, below {threshold}: deficient; replace vitamin D.</translation>
    </message>
    <message>
        <source>vitd.level.insufficient</source>
        <extracomment>Parameters: value, date, months</extracomment>
        <translation>25-OH vitamin D {value} on {date}: insufficient; recheck every {months} months.</translation>
    </message>
    <message>
        <source>vitd.level.sufficient</source>
        <extracomment>Parameters: value, date, months</extracomment>
        <translation>25-OH vitamin D {value} on {date}: sufficient; recheck every {months} months.</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.no_plan</source>
        <extracomment>Parameters: </extracomment>
        <translation>No transplant planned.</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.due</source>
        <extracomment>Parameters: planned, since, days</extracomment>
        <translation>ASCT planned {planned}: PET-CT within {days} days before it, from {since}.</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.done</source>
        <extracomment>Parameters: date, planned, days</extracomment>
        <translation>PET-CT {date}, within {days} days before the ASCT planned {planned}.</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.done_before_asct</source>
        <extracomment>Parameters: date, performed</extracomment>
        <translation>PET-CT {date}, before the ASCT of {performed}.</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.not_done_before_asct</source>
        <extracomment>Parameters: performed, days</extracomment>
        <translation>No PET-CT in the {days} days before the ASCT of {performed}.</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.withdrawn</source>
        <extracomment>Parameters: planned, ended</extracomment>
        <translation>ASCT planned {planned} was withdrawn on {ended}.</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.plan_passed</source>
        <extracomment>Parameters: planned, closed</extracomment>
        <translation>ASCT planned {planned} not recorded as performed; the pre-ASCT PET-CT closed on {closed}.</translation>
    </message>
    <message>
        <source>mrd.pre_asct.no_plan</source>
        <extracomment>Parameters: </extracomment>
        <translation>No transplant planned.</translation>
    </message>
    <message>
        <source>mrd.pre_asct.due</source>
        <extracomment>Parameters: planned, since, days</extracomment>
        <translation>ASCT planned {planned}: MRD test within {days} days before it, from {since}.</translation>
    </message>
    <message>
        <source>mrd.pre_asct.done</source>
        <extracomment>Parameters: date, planned, days</extracomment>
        <translation>MRD test {date}, within {days} days before the ASCT planned {planned}.</translation>
    </message>
    <message>
        <source>mrd.pre_asct.done_before_asct</source>
        <extracomment>Parameters: date, performed</extracomment>
        <translation>MRD test {date}, before the ASCT of {performed}.</translation>
    </message>
    <message>
        <source>mrd.pre_asct.not_done_before_asct</source>
        <extracomment>Parameters: performed, days</extracomment>
        <translation>No MRD test in the {days} days before the ASCT of {performed}.</translation>
    </message>
    <message>
        <source>mrd.pre_asct.withdrawn</source>
        <extracomment>Parameters: planned, ended</extracomment>
        <translation>ASCT planned {planned} was withdrawn on {ended}.</translation>
    </message>
    <message>
        <source>mrd.pre_asct.plan_passed</source>
        <extracomment>Parameters: planned, closed</extracomment>
        <translation>ASCT planned {planned} not recorded as performed; the pre-ASCT MRD test closed on {closed}.</translation>
    </message>
    <message>
        <source>asct.outcome.due</source>
        <extracomment>Parameters: planned, days, due</extracomment>
        <translation>ASCT planned {planned}: record whether it was performed or withdrawn (due {due}, {days} days after the planned date).</translation>
    </message>
    <message>
        <source>asct.outcome.performed</source>
        <extracomment>Parameters: planned, performed</extracomment>
        <translation>ASCT planned {planned}, performed {performed}.</translation>
    </message>
    <message>
        <source>asct.outcome.withdrawn</source>
        <extracomment>Parameters: planned, ended</extracomment>
        <translation>ASCT planned {planned}, withdrawn {ended}.</translation>
    </message>
    <message>
        <source>asct.outcome.no_plan</source>
        <extracomment>Parameters: </extracomment>
        <translation>No transplant planned.</translation>
    </message>
    <message>
        <source>workup.staging.no_ndmm</source>
        <extracomment>Parameters: </extracomment>
        <translation>No diagnosis of active MM recorded.</translation>
    </message>
    <message>
        <source>workup.staging.missing</source>
        <extracomment>Parameters: phase, diagnosis, window_days, missing, due</extracomment>
        <translation>Staging at diagnosis ({phase}, {diagnosis}): missing {missing} within {window_days} days of the diagnosis; due {due}.</translation>
    </message>
    <message>
        <source>workup.staging.complete</source>
        <extracomment>Parameters: phase, diagnosis, window_days, completed</extracomment>
        <translation>Staging at diagnosis ({phase}, {diagnosis}) complete: β2-microglobulin, albumin, LDH and cytogenetics (FISH, NGS or karyotype) within {window_days} days of the diagnosis, the last on {completed}.</translation>
    </message>
    <message>
        <source>workup.staging.closed_complete</source>
        <extracomment>Parameters: phase, diagnosis, window_days, completed, closed</extracomment>
        <translation>Staging at diagnosis ({phase}, {diagnosis}) was complete within {window_days} days of the diagnosis, the last on {completed}; closed on {closed}, 12 months after the diagnosis.</translation>
    </message>
    <message>
        <source>workup.staging.not_done_at_diagnosis</source>
        <extracomment>Parameters: phase, diagnosis, window_days, missing, closed</extracomment>
        <translation>Not done at diagnosis ({phase}, {diagnosis}): {missing} not resulted within {window_days} days of the diagnosis; closed on {closed}, 12 months after the diagnosis.</translation>
    </message>
    <message>
        <source>patient.closed</source>
        <extracomment>Parameters: status, since</extracomment>
        <translation>Patient {status} since {since}: no care items.</translation>
    </message>
</context>
</TS>
