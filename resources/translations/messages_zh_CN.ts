<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>messages</name>
    <message>
        <source>bta.off</source>
        <extracomment>Not on bone-targeted therapy.</extracomment>
        <translation>未使用骨靶向治疗。</translation>
    </message>
    <message>
        <source>bta.stopped</source>
        <extracomment>Bone-targeted therapy stopped on {date}.</extracomment>
        <translation>骨靶向治疗已于 {date} 停用。</translation>
    </message>
    <message>
        <source>bta.other_agent</source>
        <extracomment>Not for the agent in use: the patient is on {agent}.</extracomment>
        <translation>不适用于当前药物：患者正在使用{agent}。</translation>
    </message>
    <message>
        <source>bta.planned_agent</source>
        <extracomment>Not for the agent planned: {agent} is planned.</extracomment>
        <translation>不适用于拟用药物：计划使用{agent}。</translation>
    </message>
    <message>
        <source>bta.held</source>
        <extracomment>Bone-targeted therapy on hold since {since}; expected to resume on {until}.</extracomment>
        <translation>骨靶向治疗自 {since} 起暂停；预计于 {until} 恢复。</translation>
    </message>
    <message>
        <source>bisphosphonate.renal_hold</source>
        <extracomment>Renal hold of {agent} since the creatinine of {since}: no dose is prompted until creatinine is back within 10% of baseline.</extracomment>
        <translation>因 {since} 肌酐升高，{agent}暂停使用：肌酐回落至基线 10% 以内前不提示给药。</translation>
    </message>
    <message>
        <source>bisphosphonate.not_recommended</source>
        <extracomment>Not recommended: {agent} at CrCl {crcl} mL/min on {date}, below 30 mL/min; no dose is prompted.</extracomment>
        <translation>不推荐{agent}：CrCl {crcl} mL/min（{date}），低于 30 mL/min；不提示给药。</translation>
    </message>
    <message>
        <source>crab.S.met</source>
        <extracomment>Bone-marrow plasma cells {value}% on {date}: ≥{limit}%.</extracomment>
        <translation>骨髓浆细胞比例 {value}%（{date}）：≥{limit}%。</translation>
    </message>
    <message>
        <source>crab.S.not_met</source>
        <extracomment>Bone-marrow plasma cells {value}% on {date}: below {limit}%.</extracomment>
        <translation>骨髓浆细胞比例 {value}%（{date}）：低于 {limit}%。</translation>
    </message>
    <message>
        <source>crab.Li.met</source>
        <extracomment>FLC ratio (involved/uninvolved) {ratio}, involved {chain} {involved} on {date}: ratio ≥{ratio_limit} and involved FLC ≥{involved_limit}.</extracomment>
        <translation>游离轻链比值（受累/非受累）{ratio}，受累 {chain} 链 {involved}（{date}）：比值 ≥{ratio_limit} 且受累游离轻链 ≥{involved_limit}。</translation>
    </message>
    <message>
        <source>crab.Li.not_met</source>
        <extracomment>FLC ratio (involved/uninvolved) {ratio}, involved {chain} {involved} on {date}: not both ratio ≥{ratio_limit} and involved FLC ≥{involved_limit}.</extracomment>
        <translation>游离轻链比值（受累/非受累）{ratio}，受累 {chain} 链 {involved}（{date}）：未同时达到比值 ≥{ratio_limit} 且受累游离轻链 ≥{involved_limit}。</translation>
    </message>
    <message>
        <source>crab.M.met</source>
        <extracomment>MRI of {date}: {count} focal lesions, more than {limit}.</extracomment>
        <translation>MRI（{date}）：局灶性病变 {count} 处，多于 {limit} 处。</translation>
    </message>
    <message>
        <source>crab.M.not_met</source>
        <extracomment>MRI of {date}: {count} focal lesion(s), not more than {limit}.</extracomment>
        <translation>MRI（{date}）：局灶性病变 {count} 处，未多于 {limit} 处。</translation>
    </message>
    <message>
        <source>crab.C.met</source>
        <extracomment>Calcium {value} on {date}: above {limit} (ULN {uln}).</extracomment>
        <translation>血钙 {value}（{date}）：高于 {limit}（正常上限 {uln}）。</translation>
    </message>
    <message>
        <source>crab.C.not_met</source>
        <extracomment>Calcium {value} on {date}: not above {limit} (ULN {uln}).</extracomment>
        <translation>血钙 {value}（{date}）：未高于 {limit}（正常上限 {uln}）。</translation>
    </message>
    <message>
        <source>crab.R.met</source>
        <extracomment>Creatinine {creatinine} and clearance {clearance} mL/min on {date}: creatinine above {creatinine_limit} or clearance below {clearance_limit} mL/min.</extracomment>
        <translation>肌酐 {creatinine}，清除率 {clearance} mL/min（{date}）：肌酐高于 {creatinine_limit} 或清除率低于 {clearance_limit} mL/min。</translation>
    </message>
    <message>
        <source>crab.R.not_met</source>
        <extracomment>Creatinine {creatinine} and clearance {clearance} mL/min on {date}: creatinine not above {creatinine_limit} and clearance not below {clearance_limit} mL/min.</extracomment>
        <translation>肌酐 {creatinine}，清除率 {clearance} mL/min（{date}）：肌酐未高于 {creatinine_limit}，清除率不低于 {clearance_limit} mL/min。</translation>
    </message>
    <message>
        <source>crab.A.met</source>
        <extracomment>Hemoglobin {value} on {date}: below {limit} (LLN {lln}).</extracomment>
        <translation>血红蛋白 {value}（{date}）：低于 {limit}（正常下限 {lln}）。</translation>
    </message>
    <message>
        <source>crab.A.not_met</source>
        <extracomment>Hemoglobin {value} on {date}: not below {limit} (LLN {lln}).</extracomment>
        <translation>血红蛋白 {value}（{date}）：不低于 {limit}（正常下限 {lln}）。</translation>
    </message>
    <message>
        <source>crab.B.met</source>
        <extracomment>Imaging of {date}: {count} osteolytic lesion(s), at least {limit}.</extracomment>
        <translation>影像学检查（{date}）：溶骨性骨质破坏 {count} 处，≥{limit} 处。</translation>
    </message>
    <message>
        <source>crab.B.not_met</source>
        <extracomment>Imaging of {date}: {count} osteolytic lesion(s), fewer than {limit}.</extracomment>
        <translation>影像学检查（{date}）：溶骨性骨质破坏 {count} 处，少于 {limit} 处。</translation>
    </message>
    <message>
        <source>crab.S.missing</source>
        <extracomment>No bone-marrow plasma cell result.</extracomment>
        <translation>无骨髓浆细胞比例结果。</translation>
    </message>
    <message>
        <source>crab.Li.missing</source>
        <extracomment>No κ and λ free light chains resulted on the same day.</extracomment>
        <translation>无同日检测的 κ 和 λ 游离轻链结果。</translation>
    </message>
    <message>
        <source>crab.M.missing</source>
        <extracomment>No MRI with a focal-lesion count.</extracomment>
        <translation>无记录局灶性病变数目的 MRI。</translation>
    </message>
    <message>
        <source>crab.C.missing</source>
        <extracomment>No total or lab-adjusted calcium result.</extracomment>
        <translation>无总钙或实验室校正血钙结果。</translation>
    </message>
    <message>
        <source>crab.R.missing</source>
        <extracomment>No creatinine result.</extracomment>
        <translation>无肌酐结果。</translation>
    </message>
    <message>
        <source>crab.A.missing</source>
        <extracomment>No hemoglobin result.</extracomment>
        <translation>无血红蛋白结果。</translation>
    </message>
    <message>
        <source>crab.B.missing</source>
        <extracomment>No imaging with a lytic-lesion count.</extracomment>
        <translation>无记录溶骨性骨质破坏数目的影像学检查。</translation>
    </message>
    <message>
        <source>crab.Li.chain_assumed</source>
        <extracomment>Involved light chain not recorded: the larger chain ({chain}) is taken as involved.</extracomment>
        <translation>未记录受累轻链：以较高的一侧（{chain}）作为受累轻链。</translation>
    </message>
    <message>
        <source>crab.Li.not_computable</source>
        <extracomment>FLC ratio of {date} not computable: the uninvolved chain is 0.</extracomment>
        <translation>{date} 的游离轻链比值无法计算：非受累轻链为 0。</translation>
    </message>
    <message>
        <source>crab.C.corrected</source>
        <extracomment>Albumin-corrected: measured calcium {measured}, albumin {albumin} on {albumin_date}.</extracomment>
        <translation>白蛋白校正血钙：实测血钙 {measured}，白蛋白 {albumin}（{albumin_date}）。</translation>
    </message>
    <message>
        <source>crab.C.uncorrected</source>
        <extracomment>Total calcium, not corrected: no albumin within 7 days.</extracomment>
        <translation>总钙，未校正：7 天内无白蛋白结果。</translation>
    </message>
    <message>
        <source>crab.C.adjusted</source>
        <extracomment>Calcium as adjusted by the laboratory.</extracomment>
        <translation>实验室已校正的血钙。</translation>
    </message>
    <message>
        <source>crab.C.default_uln</source>
        <extracomment>The lab gave no upper limit: default ULN {uln} used.</extracomment>
        <translation>实验室未提供正常上限：采用默认值 {uln}。</translation>
    </message>
    <message>
        <source>crab.C.ionised_not_compared</source>
        <extracomment>Ionised calcium {value} on {date} is shown only, not compared with the thresholds.</extracomment>
        <translation>离子钙 {value}（{date}）仅供参考，不与阈值比较。</translation>
    </message>
    <message>
        <source>crab.R.cockcroft_gault</source>
        <extracomment>CrCl by Cockcroft-Gault, weight {weight} kg on {weight_date}.</extracomment>
        <translation>CrCl 按 Cockcroft-Gault 公式计算，体重 {weight} kg（{weight_date}）。</translation>
    </message>
    <message>
        <source>crab.R.ckd_epi</source>
        <extracomment>No weight on record: CKD-EPI 2021 eGFR used instead of CrCl.</extracomment>
        <translation>无体重记录：以 CKD-EPI 2021 eGFR 代替 CrCl。</translation>
    </message>
    <message>
        <source>crab.A.default_lln</source>
        <extracomment>The lab gave no lower limit: default LLN {lln} used.</extracomment>
        <translation>实验室未提供正常下限：采用默认值 {lln}。</translation>
    </message>
    <message>
        <source>crab.B.low_marrow</source>
        <extracomment>Bone-marrow plasma cells {bmpc}% on {bmpc_date}, below 10%: more than one lesion needed.</extracomment>
        <translation>骨髓浆细胞比例 {bmpc}%（{bmpc_date}）低于 10%：需 1 处以上病变。</translation>
    </message>
    <message>
        <source>bta.start.not_active_mm</source>
        <extracomment>Applies to active MM only; current phase: {phase}.</extracomment>
        <translation>仅适用于活动性 MM；当前病程阶段：{phase}。</translation>
    </message>
    <message>
        <source>bta.start.on_bta</source>
        <extracomment>On {agent} since {first}.</extracomment>
        <translation>自 {first} 起使用{agent}。</translation>
    </message>
    <message>
        <source>bta.start.declined</source>
        <extracomment>Bone-targeted therapy {kind} on {date}.</extracomment>
        <translation>骨靶向治疗：{kind}（{date}）。</translation>
    </message>
    <message>
        <source>bta.start.due</source>
        <extracomment>Start bone-targeted therapy within {days} days of {phase} on {date}.</extracomment>
        <translation>{phase}（{date}）后 {days} 天内开始骨靶向治疗。</translation>
    </message>
    <message>
        <source>bta.start.restart</source>
        <extracomment>Bone-targeted therapy stopped on {stopped}; restart within {days} days of the relapse on {relapse}.</extracomment>
        <translation>骨靶向治疗已于 {stopped} 停用；{relapse} 复发，应在 {days} 天内重新开始。</translation>
    </message>
    <message>
        <source>bta.start.before_active</source>
        <extracomment>Bone-targeted therapy given before active myeloma (last dose {last}) does not count: start within {days} days of {phase} on {date}.</extracomment>
        <translation>活动性骨髓瘤之前给予的骨靶向治疗（末次给药 {last}）不计入：{phase}（{date}）后 {days} 天内开始骨靶向治疗。</translation>
    </message>
    <message>
        <source>bta.start.declined_before</source>
        <extracomment>Bone-targeted therapy was declined on {previous}, before this episode; offer it again: start within {days} days of {phase} on {date}.</extracomment>
        <translation>患者曾于 {previous}（本次治疗阶段之前）拒绝骨靶向治疗；请再次评估：{phase}（{date}）后 {days} 天内开始骨靶向治疗。</translation>
    </message>
    <message>
        <source>bta.next_dose.due</source>
        <extracomment>Last {agent} dose {last}; every {interval} days.</extracomment>
        <translation>末次{agent}给药 {last}；每 {interval} 天一次。</translation>
    </message>
    <message>
        <source>bta.next_dose.lapsed</source>
        <extracomment>Last {agent} dose {last}; every {interval} days; the next dose is more than {days} days overdue: lapsed.</extracomment>
        <translation>末次{agent}给药 {last}；每 {interval} 天一次；下次给药已逾期超过 {days} 天：治疗已中断。</translation>
    </message>
    <message>
        <source>bta.review.first</source>
        <extracomment>First {agent} dose {first}; review {months} months after the start.</extracomment>
        <translation>{agent}首次给药 {first}；开始后 {months} 个月评估是否继续。</translation>
    </message>
    <message>
        <source>bta.review.next</source>
        <extracomment>Last review {last}, decision: {decision}; review every {months} months.</extracomment>
        <translation>末次评估 {last}，决定：{decision}；每 {months} 个月评估一次。</translation>
    </message>
    <message>
        <source>bta.resume.not_held</source>
        <extracomment>Bone-targeted therapy is not on hold.</extracomment>
        <translation>骨靶向治疗未暂停。</translation>
    </message>
    <message>
        <source>bta.resume.resumed</source>
        <extracomment>Held on {since}; resumed with the dose of {date}.</extracomment>
        <translation>{since} 起暂停；已于 {date} 恢复给药。</translation>
    </message>
    <message>
        <source>bta.resume.due</source>
        <extracomment>Bone-targeted therapy on hold since {since}: resume it, or record a stop, by {due}.</extracomment>
        <translation>骨靶向治疗自 {since} 起暂停：请于 {due} 前恢复给药或记录停药。</translation>
    </message>
    <message>
        <source>bta.resume.default</source>
        <extracomment>Bone-targeted therapy on hold since {since} with no resume date: resume it, or record a stop, by {due} ({days} days after the hold).</extracomment>
        <translation>骨靶向治疗自 {since} 起暂停，未填写恢复日期：请于 {due}（暂停后 {days} 天）前恢复给药或记录停药。</translation>
    </message>
    <message>
        <source>bta.resume.lapsed</source>
        <extracomment>Bone-targeted therapy on hold since {since}; the resume date {due} passed more than {days} days ago: lapsed. Resume it or record a stop.</extracomment>
        <translation>骨靶向治疗自 {since} 起暂停；恢复日期 {due} 已过去超过 {days} 天：治疗已中断。请恢复给药或记录停药。</translation>
    </message>
    <message>
        <source>denosumab.bridge.never</source>
        <extracomment>Denosumab never given.</extracomment>
        <translation>从未使用地舒单抗。</translation>
    </message>
    <message>
        <source>denosumab.bridge.on_denosumab</source>
        <extracomment>On denosumab; last dose {last}.</extracomment>
        <translation>正在使用地舒单抗；末次给药 {last}。</translation>
    </message>
    <message>
        <source>denosumab.bridge.stopped</source>
        <extracomment>Denosumab stopped on {stopped}: a bisphosphonate is due within {months} months of the last dose ({last}).</extracomment>
        <translation>地舒单抗已于 {stopped} 停用：应在末次给药（{last}）后 {months} 个月内给予双膦酸盐。</translation>
    </message>
    <message>
        <source>denosumab.bridge.lapsed</source>
        <extracomment>Denosumab lapsed on {since} (last dose {last}): a bisphosphonate is due {months} months after the last dose, or at the lapse if that is later.</extracomment>
        <translation>地舒单抗治疗已于 {since} 中断（末次给药 {last}）：应在末次给药后 {months} 个月给予双膦酸盐；若中断日期更晚，则于中断时给予。</translation>
    </message>
    <message>
        <source>denosumab.bridge.done</source>
        <extracomment>Bisphosphonate after denosumab: {agent} on {bridge} (last denosumab {last}).</extracomment>
        <translation>地舒单抗后已序贯双膦酸盐：{agent}（{bridge}），末次地舒单抗 {last}。</translation>
    </message>
    <message>
        <source>renal.before_bisphosphonate.not_yet</source>
        <extracomment>Next {agent} dose due {due}; the creatinine check opens {days} days before it.</extracomment>
        <translation>下次{agent}给药 {due}；给药前 {days} 天起需检测肌酐。</translation>
    </message>
    <message>
        <source>renal.before_bisphosphonate.due</source>
        <extracomment>Serum creatinine needed within {days} days before the {agent} dose due {due} (once the dose is overdue, within the same window before today).</extracomment>
        <translation>{agent}下次给药（{due}）前 {days} 天内需检测血肌酐（若已逾期，则需在今天之前的同样天数内）。</translation>
    </message>
    <message>
        <source>renal.before_bisphosphonate.done</source>
        <extracomment>Creatinine {value} on {date}, before the dose due {due}.</extracomment>
        <translation>肌酐 {value}（{date}），已在 {due} 给药前检测。</translation>
    </message>
    <message>
        <source>renal.za_dose.no_baseline</source>
        <extracomment>No baseline creatinine within {days} days before the first zoledronic acid dose: measure creatinine before dosing.</extracomment>
        <translation>唑来膦酸首次给药前 {days} 天内无基线肌酐：给药前需检测肌酐。</translation>
    </message>
    <message>
        <source>renal.za_dose.provisional_baseline</source>
        <extracomment>No baseline creatinine within {days} days before the first zoledronic acid dose; the first creatinine after it, {creatinine} on {date} (CrCl {crcl} mL/min), serves as a provisional baseline: the renal checks compare with it.</extracomment>
        <translation>唑来膦酸首次给药前 {days} 天内无基线肌酐；以首次给药后的第一次肌酐 {creatinine}（{date}，CrCl {crcl} mL/min）作为临时基线进行肾功能比较。</translation>
    </message>
    <message>
        <source>renal.za_dose.hold</source>
        <extracomment>Hold zoledronic acid since {since}, when creatinine rose {threshold} or more above the baseline {baseline}; latest creatinine {latest} ({rise} above baseline); resume once within 10% of baseline.</extracomment>
        <translation>自 {since} 起暂停唑来膦酸（肌酐较基线 {baseline} 升高 ≥{threshold}）；最近肌酐 {latest}（较基线高 {rise}）；肌酐回落至基线 10% 以内后恢复用药。</translation>
    </message>
    <message>
        <source>renal.za_dose.hold_provisional</source>
        <extracomment>Hold zoledronic acid since {since}, when creatinine rose {threshold} or more above the provisional baseline {baseline}; latest creatinine {latest} ({rise} above baseline); resume once within 10% of baseline.</extracomment>
        <translation>自 {since} 起暂停唑来膦酸（肌酐较临时基线 {baseline} 升高 ≥{threshold}）；最近肌酐 {latest}（较基线高 {rise}）；肌酐回落至基线 10% 以内后恢复用药。</translation>
    </message>
    <message>
        <source>renal.za_dose.no_weight</source>
        <extracomment>Record a weight to compute CrCl for the zoledronic acid dose (eGFR {egfr} mL/min/1.73 m² on {date}).</extracomment>
        <translation>请记录体重以计算 CrCl、确定唑来膦酸剂量（{date} eGFR {egfr} mL/min/1.73 m²）。</translation>
    </message>
    <message>
        <source>renal.za_dose.no_data</source>
        <extracomment>No creatinine and no weight on record: measure creatinine and record a weight to compute CrCl for zoledronic acid.</extracomment>
        <translation>无肌酐及体重记录：请检测肌酐并记录体重，以计算唑来膦酸所需的 CrCl。</translation>
    </message>
    <message>
        <source>renal.za_dose.not_recommended</source>
        <extracomment>Zoledronic acid not recommended: CrCl {crcl} mL/min on {date}, below 30 mL/min; consider denosumab.</extracomment>
        <translation>不推荐唑来膦酸：CrCl {crcl} mL/min（{date}），低于 30 mL/min；可考虑地舒单抗。</translation>
    </message>
    <message>
        <source>renal.pamidronate.no_baseline</source>
        <extracomment>No baseline creatinine within {days} days before the first pamidronate dose: measure creatinine.</extracomment>
        <translation>帕米膦酸首次给药前 {days} 天内无基线肌酐：请检测肌酐。</translation>
    </message>
    <message>
        <source>renal.pamidronate.provisional_baseline</source>
        <extracomment>No baseline creatinine within {days} days before the first pamidronate dose; the first creatinine after it, {creatinine} on {date} (CrCl {crcl} mL/min), serves as a provisional baseline: the renal checks compare with it.</extracomment>
        <translation>帕米膦酸首次给药前 {days} 天内无基线肌酐；以首次给药后的第一次肌酐 {creatinine}（{date}，CrCl {crcl} mL/min）作为临时基线进行肾功能比较。</translation>
    </message>
    <message>
        <source>renal.pamidronate.hold</source>
        <extracomment>Hold pamidronate since {since}, when creatinine rose {threshold} or more above the baseline {baseline}; latest creatinine {latest} ({rise} above baseline); resume once within 10% of baseline.</extracomment>
        <translation>自 {since} 起暂停帕米膦酸（肌酐较基线 {baseline} 升高 ≥{threshold}）；最近肌酐 {latest}（较基线高 {rise}）；肌酐回落至基线 10% 以内后恢复用药。</translation>
    </message>
    <message>
        <source>renal.pamidronate.hold_provisional</source>
        <extracomment>Hold pamidronate since {since}, when creatinine rose {threshold} or more above the provisional baseline {baseline}; latest creatinine {latest} ({rise} above baseline); resume once within 10% of baseline.</extracomment>
        <translation>自 {since} 起暂停帕米膦酸（肌酐较临时基线 {baseline} 升高 ≥{threshold}）；最近肌酐 {latest}（较基线高 {rise}）；肌酐回落至基线 10% 以内后恢复用药。</translation>
    </message>
    <message>
        <source>renal.pamidronate.no_weight</source>
        <extracomment>Record a weight to compute CrCl for pamidronate (eGFR {egfr} mL/min/1.73 m² on {date}).</extracomment>
        <translation>请记录体重以计算帕米膦酸所需的 CrCl（{date} eGFR {egfr} mL/min/1.73 m²）。</translation>
    </message>
    <message>
        <source>renal.pamidronate.no_data</source>
        <extracomment>No creatinine and no weight on record: measure creatinine and record a weight to compute CrCl for pamidronate.</extracomment>
        <translation>无肌酐及体重记录：请检测肌酐并记录体重，以计算帕米膦酸所需的 CrCl。</translation>
    </message>
    <message>
        <source>renal.pamidronate.not_recommended</source>
        <extracomment>Pamidronate not recommended: CrCl {crcl} mL/min on {date}, below 30 mL/min.</extracomment>
        <translation>不推荐帕米膦酸：CrCl {crcl} mL/min（{date}），低于 30 mL/min。</translation>
    </message>
    <message>
        <source>renal.za_dose.ok</source>
        <extracomment>Zoledronic acid {dose} mg for the baseline CrCl {crcl} mL/min (creatinine {creatinine} on {date}, weight {weight} kg).</extracomment>
        <translation>唑来膦酸 {dose} mg，按基线 CrCl {crcl} mL/min（{date} 肌酐 {creatinine}，体重 {weight} kg）。</translation>
    </message>
    <message>
        <source>renal.pamidronate.ok</source>
        <extracomment>Pamidronate: baseline CrCl {crcl} mL/min (creatinine {creatinine} on {date}, weight {weight} kg); no renal deterioration since.</extracomment>
        <translation>帕米膦酸：基线 CrCl {crcl} mL/min（{date} 肌酐 {creatinine}，体重 {weight} kg）；此后无肾功能恶化。</translation>
    </message>
    <message>
        <source>calcium.before_denosumab.not_yet</source>
        <extracomment>Next denosumab dose due {due}; the calcium check opens {days} days before it.</extracomment>
        <translation>下次地舒单抗给药 {due}；给药前 {days} 天起需检测血钙。</translation>
    </message>
    <message>
        <source>calcium.before_denosumab.due</source>
        <extracomment>Serum calcium needed within {days} days before the denosumab dose due {due} (once the dose is overdue, within the same window before today).</extracomment>
        <translation>地舒单抗下次给药（{due}）前 {days} 天内需检测血钙（若已逾期，则需在今天之前的同样天数内）。</translation>
    </message>
    <message>
        <source>calcium.before_denosumab.done</source>
        <extracomment>Calcium {value} on {date}, before the dose due {due}.</extracomment>
        <translation>血钙 {value}（{date}），已在 {due} 给药前检测。</translation>
    </message>
    <message>
        <source>calcium.before_denosumab.first_due</source>
        <extracomment>Denosumab planned to start {due}: serum calcium needed within {days} days before the first dose (once it is overdue, within the same window before today).</extracomment>
        <translation>地舒单抗计划于 {due} 开始：首次给药前 {days} 天内需检测血钙（若已逾期，则需在今天之前的同样天数内）。</translation>
    </message>
    <message>
        <source>calcium.before_denosumab.first_done</source>
        <extracomment>Calcium {value} on {date}, before the first denosumab dose planned {due}.</extracomment>
        <translation>血钙 {value}（{date}），已在计划于 {due} 的地舒单抗首次给药前检测。</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia.no_result</source>
        <extracomment>No calcium result: check calcium before denosumab.</extracomment>
        <translation>无血钙结果：使用地舒单抗前应检测血钙。</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia.low</source>
        <extracomment>Calcium {value} ({basis}) on {date}, below the LLN {lln} ({limits}): correct before the next denosumab dose.</extracomment>
        <translation>血钙 {value}（{basis}，{date}），低于正常下限 {lln}（{limits}）：下次地舒单抗给药前予以纠正。</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia.normal</source>
        <extracomment>Calcium {value} ({basis}) on {date}, not below the LLN {lln} ({limits}).</extracomment>
        <translation>血钙 {value}（{basis}，{date}），不低于正常下限 {lln}（{limits}）。</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia.no_result_renal</source>
        <extracomment>No calcium result: check calcium before denosumab. High risk of hypocalcaemia (CrCl {crcl} mL/min on {creatinine_date}, below 30 mL/min): check calcium weekly in the first weeks.</extracomment>
        <translation>无血钙结果：使用地舒单抗前应检测血钙。低钙血症高风险（{creatinine_date} CrCl {crcl} mL/min，低于 30 mL/min）：用药最初几周每周检测血钙。</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia.low_renal</source>
        <extracomment>Calcium {value} ({basis}) on {date}, below the LLN {lln} ({limits}): correct before the next denosumab dose. High risk of hypocalcaemia (CrCl {crcl} mL/min on {creatinine_date}, below 30 mL/min): check calcium weekly in the first weeks.</extracomment>
        <translation>血钙 {value}（{basis}，{date}），低于正常下限 {lln}（{limits}）：下次地舒单抗给药前予以纠正。低钙血症高风险（{creatinine_date} CrCl {crcl} mL/min，低于 30 mL/min）：用药最初几周每周检测血钙。</translation>
    </message>
    <message>
        <source>alert.hypocalcaemia.normal_renal</source>
        <extracomment>Calcium {value} ({basis}) on {date}, not below the LLN {lln} ({limits}). High risk of hypocalcaemia (CrCl {crcl} mL/min on {creatinine_date}, below 30 mL/min): check calcium weekly in the first weeks.</extracomment>
        <translation>血钙 {value}（{basis}，{date}），不低于正常下限 {lln}（{limits}）。低钙血症高风险（{creatinine_date} CrCl {crcl} mL/min，低于 30 mL/min）：用药最初几周每周检测血钙。</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.not_in_care</source>
        <extracomment>No longer in care since {since}.</extracomment>
        <translation>自 {since} 起已不在随访中。</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.no_calcium</source>
        <extracomment>No total or lab-adjusted calcium result.</extracomment>
        <translation>无总钙或实验室校正血钙结果。</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.above</source>
        <extracomment>Calcium {value} ({basis}) on {date}, above {limit} (ULN {uln}).</extracomment>
        <translation>血钙 {value}（{basis}，{date}），高于 {limit}（正常上限 {uln}）。</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.above_default_uln</source>
        <extracomment>Calcium {value} ({basis}) on {date}, above {limit} (default ULN {uln}: the lab gave none).</extracomment>
        <translation>血钙 {value}（{basis}，{date}），高于 {limit}（实验室未提供正常上限，采用默认值 {uln}）。</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.not_above</source>
        <extracomment>Calcium {value} ({basis}) on {date}, not above {limit} (ULN {uln}).</extracomment>
        <translation>血钙 {value}（{basis}，{date}），未高于 {limit}（正常上限 {uln}）。</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.not_above_default_uln</source>
        <extracomment>Calcium {value} ({basis}) on {date}, not above {limit} (default ULN {uln}: the lab gave none).</extracomment>
        <translation>血钙 {value}（{basis}，{date}），未高于 {limit}（实验室未提供正常上限，采用默认值 {uln}）。</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.ionised_above</source>
        <extracomment>Ionised calcium {value} on {date}, above its ULN {uln}: check serum calcium.</extracomment>
        <translation>离子钙 {value}（{date}），高于正常上限 {uln}：请检测血清钙。</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.ionised_above_default_uln</source>
        <extracomment>Ionised calcium {value} on {date}, above the default ULN {uln} (the lab gave none): check serum calcium.</extracomment>
        <translation>离子钙 {value}（{date}），高于默认正常上限 {uln}（实验室未提供）：请检测血清钙。</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.ionised_not_above</source>
        <extracomment>Ionised calcium {value} on {date}, not above its ULN {uln}.</extracomment>
        <translation>离子钙 {value}（{date}），未高于正常上限 {uln}。</translation>
    </message>
    <message>
        <source>alert.hypercalcaemia.ionised_not_above_default_uln</source>
        <extracomment>Ionised calcium {value} on {date}, not above the default ULN {uln} (the lab gave none).</extracomment>
        <translation>离子钙 {value}（{date}），未高于默认正常上限 {uln}（实验室未提供）。</translation>
    </message>
    <message>
        <source>response.no_episode</source>
        <extracomment>No treatment episode: no response baseline.</extracomment>
        <translation>无治疗阶段（疗程）记录：无疗效评估基线。</translation>
    </message>
    <message>
        <source>response.not_measurable</source>
        <extracomment>No measurable disease at the start of the treatment episode ({start}): response cannot be assessed by {criteria}.</extracomment>
        <translation>本疗程开始时（{start}）无可测量病灶：无法按 {criteria} 评估疗效。</translation>
    </message>
    <message>
        <source>response.no_assessment</source>
        <extracomment>No response assessment since the treatment episode started on {start} ({criteria}).</extracomment>
        <translation>本疗程开始（{start}）以来尚无疗效评估（{criteria}）。</translation>
    </message>
    <message>
        <source>response.category.confirmed</source>
        <extracomment>{category} on {date}, confirmed by the assessment of {previous} ({criteria}).</extracomment>
        <translation>{date} 疗效为{category}，经 {previous} 的评估确认（{criteria}）。</translation>
    </message>
    <message>
        <source>response.category.unconfirmed</source>
        <extracomment>{category} on {date}, unconfirmed: repeat to confirm ({criteria}).</extracomment>
        <translation>{date} 疗效为{category}，尚未确认：需复查确认（{criteria}）。</translation>
    </message>
    <message>
        <source>response.missing.serum_immunofixation</source>
        <extracomment>No serum immunofixation: needed for CR.</extracomment>
        <translation>无血清免疫固定电泳结果：判定 CR 需要。</translation>
    </message>
    <message>
        <source>response.missing.urine_immunofixation</source>
        <extracomment>No urine immunofixation: needed for CR.</extracomment>
        <translation>无尿免疫固定电泳结果：判定 CR 需要。</translation>
    </message>
    <message>
        <source>response.missing.bm_plasma_cells</source>
        <extracomment>No bone-marrow plasma cell count: needed for CR.</extracomment>
        <translation>无骨髓浆细胞比例结果：判定 CR 需要。</translation>
    </message>
    <message>
        <source>response.missing.flc_ratio</source>
        <extracomment>No FLC ratio: needed for CR or sCR.</extracomment>
        <translation>无游离轻链比值：判定 CR 或 sCR 需要。</translation>
    </message>
    <message>
        <source>response.missing.urine_m_protein</source>
        <extracomment>No 24-h urine M-protein since the line started: needed while urine was measurable at baseline.</extracomment>
        <translation>本线治疗开始以来无 24 小时尿 M 蛋白结果：基线尿 M 蛋白可测量时需要。</translation>
    </message>
    <message>
        <source>response.missing.imaging</source>
        <extracomment>No imaging since the line started: needed to show the baseline plasmacytoma has gone (CR).</extracomment>
        <translation>本线治疗开始以来无影像学检查：需证实基线浆细胞瘤已消失（CR）。</translation>
    </message>
    <message>
        <source>response.note.scr_ihc_not_recorded</source>
        <extracomment>sCR also needs no clonal plasma cells on marrow biopsy immunohistochemistry, which is not recorded.</extracomment>
        <translation>sCR 还要求骨髓活检免疫组化无克隆性浆细胞，该结果未记录。</translation>
    </message>
    <message>
        <source>response.note.plasmacytoma_spd_not_recorded</source>
        <extracomment>Plasmacytoma at baseline: {category} also needs the fall in its size (SPD), which is not recorded.</extracomment>
        <translation>基线存在浆细胞瘤：{category}还要求其大小（SPD）相应缩小，该数据未记录。</translation>
    </message>
    <message>
        <source>response.progression.confirmed</source>
        <extracomment>PD on {date}, confirmed on {confirmed_on} ({criteria}).</extracomment>
        <translation>{date} 疾病进展（PD），已于 {confirmed_on} 确认（{criteria}）。</translation>
    </message>
    <message>
        <source>response.progression.unconfirmed</source>
        <extracomment>PD on {date}, unconfirmed: repeat to confirm ({criteria}).</extracomment>
        <translation>{date} 疾病进展（PD），尚未确认：需复查确认（{criteria}）。</translation>
    </message>
    <message>
        <source>response.pd.serum_m_protein</source>
        <extracomment>Serum M-protein {value} on {date}, up {rise} from the nadir {nadir} of {nadir_date}.</extracomment>
        <translation>血清 M 蛋白 {value}（{date}），较 {nadir_date} 的最低值 {nadir} 升高 {rise}。</translation>
    </message>
    <message>
        <source>response.pd.urine_m_protein</source>
        <extracomment>Urine M-protein {value} on {date}, up {rise} from the nadir {nadir} of {nadir_date}.</extracomment>
        <translation>尿 M 蛋白 {value}（{date}），较 {nadir_date} 的最低值 {nadir} 升高 {rise}。</translation>
    </message>
    <message>
        <source>response.pd.dflc</source>
        <extracomment>dFLC (involved minus uninvolved FLC) {value} on {date}, up {rise} from the nadir {nadir} of {nadir_date}.</extracomment>
        <translation>dFLC（受累与非受累游离轻链之差）{value}（{date}），较 {nadir_date} 的最低值 {nadir} 升高 {rise}。</translation>
    </message>
    <message>
        <source>response.pd.bm_plasma_cells</source>
        <extracomment>Bone-marrow plasma cells {value}% on {date}, up {rise} percentage points from the nadir {nadir}% of {nadir_date}.</extracomment>
        <translation>骨髓浆细胞比例 {value}%（{date}），较 {nadir_date} 的最低值 {nadir}% 升高 {rise} 个百分点。</translation>
    </message>
    <message>
        <source>response.pd.lytic_lesions</source>
        <extracomment>More bone lesions: {count} on {modality} of {date}, {baseline_count} at baseline ({baseline_date}).</extracomment>
        <translation>骨病灶增多：{date} {modality}示 {count} 处，基线（{baseline_date}）{baseline_count} 处。</translation>
    </message>
    <message>
        <source>response.pd.lytic_lesions.other_modality</source>
        <extracomment>More bone lesions: {count} on {modality} of {date}, {baseline_count} on the baseline imaging ({baseline_date}); different modality: confirm the lesions are new.</extracomment>
        <translation>骨病灶增多：{date} {modality}示 {count} 处，基线影像（{baseline_date}）{baseline_count} 处；检查方式不同：请确认病灶为新发。</translation>
    </message>
    <message>
        <source>response.pd.plasmacytoma</source>
        <extracomment>New plasmacytoma on {modality} of {date}; none at baseline ({baseline_date}).</extracomment>
        <translation>{date} {modality}示新发浆细胞瘤；基线（{baseline_date}）无。</translation>
    </message>
    <message>
        <source>response.pd.plasmacytoma.no_baseline</source>
        <extracomment>Plasmacytoma on {modality} of {date}; no baseline imaging reported one.</extracomment>
        <translation>{date} {modality}示浆细胞瘤；基线影像未报告浆细胞瘤。</translation>
    </message>
    <message>
        <source>response.pd.plasmacytoma.event</source>
        <extracomment>New plasmacytoma recorded on {date}.</extracomment>
        <translation>{date} 记录新发浆细胞瘤。</translation>
    </message>
    <message>
        <source>mrd_status.none</source>
        <extracomment>No MRD test recorded.</extracomment>
        <translation>无 MRD 检测记录。</translation>
    </message>
    <message>
        <source>mrd_status.negative</source>
        <extracomment>MRD-negative by {method} on {date} (sensitivity {sensitivity}).</extracomment>
        <translation>{date} {method}检测 MRD 阴性（灵敏度 {sensitivity}）。</translation>
    </message>
    <message>
        <source>mrd_status.negative_insufficient</source>
        <extracomment>MRD-negative by {method} on {date}, but at sensitivity {sensitivity}: not counted (needs {required} or better).</extracomment>
        <translation>{date} {method}检测 MRD 阴性，但灵敏度仅 {sensitivity}：不计为阴性（需达到 {required} 或更高）。</translation>
    </message>
    <message>
        <source>mrd_status.positive</source>
        <extracomment>MRD-positive by {method} on {date} (sensitivity {sensitivity}).</extracomment>
        <translation>{date} {method}检测 MRD 阳性（灵敏度 {sensitivity}）。</translation>
    </message>
    <message>
        <source>mrd_status.sustained</source>
        <extracomment>Sustained MRD negativity: negative from {first} to {last}, {days} days apart.</extracomment>
        <translation>持续 MRD 阴性：{first} 至 {last} 均为阴性，间隔 {days} 天。</translation>
    </message>
    <message>
        <source>mrd_status.not_sustained</source>
        <extracomment>MRD-negative since {first}, last tested {last}; sustained once still negative on or after {due}.</extracomment>
        <translation>自 {first} 起 MRD 阴性，末次检测 {last}；{due} 及以后复查仍为阴性即为持续 MRD 阴性。</translation>
    </message>
    <message>
        <source>mrd_status.sustained_imaging</source>
        <extracomment>Imaging negative as well: PET-CT without uptake on {pet_date}, between {first} and {last}.</extracomment>
        <translation>影像学亦为阴性：{first} 至 {last} 期间的 PET-CT（{pet_date}）无摄取。</translation>
    </message>
    <message>
        <source>mrd_status.sustained_imaging_missing</source>
        <extracomment>No PET-CT without uptake between {first} and {last}: imaging negativity not shown.</extracomment>
        <translation>{first} 至 {last} 期间无阴性 PET-CT：尚无影像学阴性证据。</translation>
    </message>
    <message>
        <source>mrd_status.imaging_plus</source>
        <extracomment>Imaging-plus MRD-negative: MRD-negative since {mrd_date} and PET-CT without uptake on {pet_date}.</extracomment>
        <translation>影像学阴性的 MRD 阴性：自 {mrd_date} 起 MRD 阴性，{pet_date} PET-CT 无摄取。</translation>
    </message>
    <message>
        <source>staging.missing.b2m</source>
        <extracomment>No β2-microglobulin result.</extracomment>
        <translation>无 β2 微球蛋白结果。</translation>
    </message>
    <message>
        <source>staging.missing.albumin</source>
        <extracomment>No albumin result.</extracomment>
        <translation>无白蛋白结果。</translation>
    </message>
    <message>
        <source>staging.missing.ldh</source>
        <extracomment>No LDH result.</extracomment>
        <translation>无乳酸脱氢酶（LDH）结果。</translation>
    </message>
    <message>
        <source>staging.missing.creatinine</source>
        <extracomment>No creatinine result.</extracomment>
        <translation>无肌酐结果。</translation>
    </message>
    <message>
        <source>staging.missing.del_17p</source>
        <extracomment>del(17p) not tested.</extracomment>
        <translation>未检测 del(17p)。</translation>
    </message>
    <message>
        <source>staging.missing.tp53_mutation</source>
        <extracomment>TP53 mutation not tested.</extracomment>
        <translation>未检测 TP53 突变。</translation>
    </message>
    <message>
        <source>staging.missing.t_4_14</source>
        <extracomment>t(4;14) not tested.</extracomment>
        <translation>未检测 t(4;14)。</translation>
    </message>
    <message>
        <source>staging.missing.t_14_16</source>
        <extracomment>t(14;16) not tested.</extracomment>
        <translation>未检测 t(14;16)。</translation>
    </message>
    <message>
        <source>staging.missing.t_14_20</source>
        <extracomment>t(14;20) not tested.</extracomment>
        <translation>未检测 t(14;20)。</translation>
    </message>
    <message>
        <source>staging.missing.gain_1q</source>
        <extracomment>1q gain/amplification not tested.</extracomment>
        <translation>未检测 1q21 获得/扩增（1q+）。</translation>
    </message>
    <message>
        <source>staging.missing.del_1p32</source>
        <extracomment>del(1p32) not tested.</extracomment>
        <translation>未检测 del(1p32)。</translation>
    </message>
    <message>
        <source>staging.missing.hyperdiploid</source>
        <extracomment>Hyperdiploidy not tested.</extracomment>
        <translation>未检测超二倍体。</translation>
    </message>
    <message>
        <source>staging.missing.del_17p_clonal_fraction</source>
        <extracomment>del(17p) clonal fraction not recorded.</extracomment>
        <translation>未记录 del(17p) 克隆比例。</translation>
    </message>
    <message>
        <source>staging.ldh.default_uln</source>
        <extracomment>The lab gave no LDH upper limit: default ULN {uln} used.</extracomment>
        <translation>实验室未提供 LDH 正常上限：采用默认值 {uln}。</translation>
    </message>
    <message>
        <source>staging.mayo_additive.group_0</source>
        <extracomment>Mayo additive stage: 0 points. Median PFS with frontline therapy {median_pfs_months} months, median OS from diagnosis {median_os_years} years ({source}).</extracomment>
        <translation>Mayo 累加分期：0 分。一线治疗中位无进展生存期（PFS）{median_pfs_months} 个月，自诊断起中位总生存期（OS）{median_os_years} 年（{source}）。</translation>
    </message>
    <message>
        <source>staging.mayo_additive.group_1</source>
        <extracomment>Mayo additive stage: 1 point. Median PFS with frontline therapy {median_pfs_months} months, median OS from diagnosis {median_os_years} years ({source}).</extracomment>
        <translation>Mayo 累加分期：1 分。一线治疗中位无进展生存期（PFS）{median_pfs_months} 个月，自诊断起中位总生存期（OS）{median_os_years} 年（{source}）。</translation>
    </message>
    <message>
        <source>staging.mayo_additive.group_2</source>
        <extracomment>Mayo additive stage: 2 points or more. Median PFS with frontline therapy {median_pfs_months} months, median OS from diagnosis {median_os_years} years ({source}).</extracomment>
        <translation>Mayo 累加分期：≥2 分。一线治疗中位无进展生存期（PFS）{median_pfs_months} 个月，自诊断起中位总生存期（OS）{median_os_years} 年（{source}）。</translation>
    </message>
    <message>
        <source>staging.mayo_additive.undetermined</source>
        <extracomment>Mayo additive stage undetermined: the missing results could change the group, so no median PFS or OS is shown.</extracomment>
        <translation>Mayo 累加分期无法确定：缺少的检测结果可能改变分组，因此不显示中位 PFS 和 OS。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.no_plan</source>
        <extracomment>No transplant planned.</extracomment>
        <translation>无移植计划。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.performed</source>
        <extracomment>Transplant performed on {performed}.</extracomment>
        <translation>已于 {performed} 行移植。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.withdrawn</source>
        <extracomment>Transplant planned for {planned} withdrawn on {withdrawn}: no conditioning note.</extracomment>
        <translation>原定 {planned} 的移植计划已于 {withdrawn} 撤销：不再显示预处理说明。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.closed</source>
        <extracomment>Transplant planned for {planned} neither performed nor withdrawn by {closed} (the planned date + 30 days): conditioning note closed; record the transplant's outcome.</extracomment>
        <translation>原定 {planned} 的移植至 {closed}（计划日期后 30 天）既未实施也未撤销：预处理说明已关闭；请记录移植结果。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mel200_subgroup</source>
        <extracomment>ASCT planned {planned}; adverse features: {features}. In Mirgh 2026, melphalan 200 mg/m² gave longer PFS with these features. Evidence note, not a prescription.</extracomment>
        <translation>计划 {planned} 行 ASCT；不良因素：{features}。Mirgh 2026 研究中存在此类因素者美法仑 200 mg/m² 的 PFS 更长。仅为证据提示，非处方。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mel140_subgroup</source>
        <extracomment>ASCT planned {planned}; MRD negative, PET-CT negative and standard-risk cytogenetics. In Mirgh 2026, melphalan 140 mg/m² was not inferior in such patients. Evidence note, not a prescription.</extracomment>
        <translation>计划 {planned} 行 ASCT；MRD 阴性、PET-CT 阴性且细胞遗传学标危。Mirgh 2026 研究中此类患者美法仑 140 mg/m² 疗效不劣于 200 mg/m²。仅为证据提示，非处方。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.undetermined</source>
        <extracomment>ASCT planned {planned}; no adverse feature found, but not known before ASCT: {unknown}. The Mirgh 2026 subgroup is undetermined.</extracomment>
        <translation>计划 {planned} 行 ASCT；未发现不良因素，但移植前以下信息未知：{unknown}。无法确定在 Mirgh 2026 研究中的亚组。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.none</source>
        <extracomment>No MRD test on record.</extracomment>
        <translation>无 MRD 检测记录。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.none</source>
        <extracomment>No PET-CT on record.</extracomment>
        <translation>无 PET-CT 记录。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.positive.in_window</source>
        <extracomment>Pre-ASCT MRD positive by {method} on {date} (sensitivity {sensitivity}), within {days} days before {planned}.</extracomment>
        <translation>移植前 MRD 阳性：{date} {method}检测，灵敏度 {sensitivity}，在 {planned} 前 {days} 天内。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.positive.outside_window</source>
        <extracomment>Latest MRD positive by {method} on {date} (sensitivity {sensitivity}), not within {days} days before {planned}: not used for the subgroup.</extracomment>
        <translation>最近一次 MRD 阳性：{date} {method}检测，灵敏度 {sensitivity}，不在 {planned} 前 {days} 天内：不用于亚组判断。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.negative.in_window</source>
        <extracomment>Pre-ASCT MRD negative by {method} on {date} (sensitivity {sensitivity}), within {days} days before {planned}.</extracomment>
        <translation>移植前 MRD 阴性：{date} {method}检测，灵敏度 {sensitivity}，在 {planned} 前 {days} 天内。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.negative.outside_window</source>
        <extracomment>Latest MRD negative by {method} on {date} (sensitivity {sensitivity}), not within {days} days before {planned}: not used for the subgroup.</extracomment>
        <translation>最近一次 MRD 阴性：{date} {method}检测，灵敏度 {sensitivity}，不在 {planned} 前 {days} 天内：不用于亚组判断。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.negative_insufficient.in_window</source>
        <extracomment>Pre-ASCT MRD negative by {method} on {date}, within {days} days before {planned}, but at sensitivity {sensitivity}: too low to count.</extracomment>
        <translation>移植前 MRD 阴性：{date} {method}检测，在 {planned} 前 {days} 天内，但灵敏度仅 {sensitivity}：不足以计为阴性。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.mrd.negative_insufficient.outside_window</source>
        <extracomment>Latest MRD negative by {method} on {date}, at sensitivity {sensitivity} too low to count, and not within {days} days before {planned}.</extracomment>
        <translation>最近一次 MRD 阴性：{date} {method}检测，灵敏度仅 {sensitivity}，不足以计为阴性，且不在 {planned} 前 {days} 天内。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.fdg_avid.in_window</source>
        <extracomment>Pre-ASCT PET-CT of {date} FDG-avid, within {days} days before {planned}.</extracomment>
        <translation>移植前 PET-CT（{date}）FDG 摄取阳性，在 {planned} 前 {days} 天内。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.fdg_avid.outside_window</source>
        <extracomment>Latest PET-CT of {date} FDG-avid, not within {days} days before {planned}: not used for the subgroup.</extracomment>
        <translation>最近一次 PET-CT（{date}）FDG 摄取阳性，不在 {planned} 前 {days} 天内：不用于亚组判断。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.not_fdg_avid.in_window</source>
        <extracomment>Pre-ASCT PET-CT of {date} without FDG uptake, within {days} days before {planned}.</extracomment>
        <translation>移植前 PET-CT（{date}）无 FDG 摄取，在 {planned} 前 {days} 天内。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.not_fdg_avid.outside_window</source>
        <extracomment>Latest PET-CT of {date} without FDG uptake, not within {days} days before {planned}: not used for the subgroup.</extracomment>
        <translation>最近一次 PET-CT（{date}）无 FDG 摄取，不在 {planned} 前 {days} 天内：不用于亚组判断。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.not_recorded.in_window</source>
        <extracomment>PET-CT of {date}, within {days} days before {planned}, but FDG uptake not recorded.</extracomment>
        <translation>PET-CT（{date}）在 {planned} 前 {days} 天内，但未记录 FDG 摄取情况。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.pet.not_recorded.outside_window</source>
        <extracomment>Latest PET-CT of {date}: FDG uptake not recorded, and not within {days} days before {planned}.</extracomment>
        <translation>最近一次 PET-CT（{date}）：未记录 FDG 摄取情况，且不在 {planned} 前 {days} 天内。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.cytogenetics.high</source>
        <extracomment>High-risk cytogenetics by IMS/IMWG 2025 criteria 1–3 ({present}): {abnormalities} found, high risk since {since}; every abnormality ever found counts.</extracomment>
        <translation>按 IMS/IMWG 2025 标准第 1–3 条为高危细胞遗传学（{present}）：检出 {abnormalities}，自 {since} 起为高危；曾检出的异常均计入。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.cytogenetics.standard</source>
        <extracomment>Standard-risk cytogenetics: no IMS/IMWG 2025 criterion 1–3 met by any result up to {latest}.</extracomment>
        <translation>标危细胞遗传学：截至 {latest} 的所有结果均不符合 IMS/IMWG 2025 标准第 1–3 条。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.cytogenetics.unknown</source>
        <extracomment>Cytogenetic risk by IMS/IMWG 2025 criteria 1–3 undetermined; not tested: {missing}.</extracomment>
        <translation>按 IMS/IMWG 2025 标准第 1–3 条的细胞遗传学危险度无法确定；未检测：{missing}。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.age.above</source>
        <extracomment>Age {age} on the planned date {planned}, above {limit}: a centre-practice reason for melphalan 140 mg/m².</extracomment>
        <translation>计划移植日（{planned}）年龄 {age} 岁，超过 {limit} 岁：部分中心据此选用美法仑 140 mg/m²。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.age.not_above</source>
        <extracomment>Age {age} on the planned date {planned}, not above {limit}.</extracomment>
        <translation>计划移植日（{planned}）年龄 {age} 岁，未超过 {limit} 岁。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.crcl.below</source>
        <extracomment>CrCl {crcl} mL/min (creatinine of {creatinine_date}, weight {weight} kg on {weight_date}), below {limit} mL/min: a centre-practice reason for melphalan 140 mg/m².</extracomment>
        <translation>CrCl {crcl} mL/min（{creatinine_date} 肌酐，{weight_date} 体重 {weight} kg），低于 {limit} mL/min：部分中心据此选用美法仑 140 mg/m²。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.crcl.not_below</source>
        <extracomment>CrCl {crcl} mL/min (creatinine of {creatinine_date}, weight {weight} kg on {weight_date}), not below {limit} mL/min.</extracomment>
        <translation>CrCl {crcl} mL/min（{creatinine_date} 肌酐，{weight_date} 体重 {weight} kg），不低于 {limit} mL/min。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.crcl.no_weight</source>
        <extracomment>CrCl not computable: record a weight (eGFR {egfr} mL/min/1.73 m² from the creatinine of {creatinine_date}).</extracomment>
        <translation>无法计算 CrCl：请记录体重（按 {creatinine_date} 肌酐计算的 eGFR 为 {egfr} mL/min/1.73 m²）。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.crcl.no_creatinine</source>
        <extracomment>No creatinine on record: CrCl unknown.</extracomment>
        <translation>无肌酐记录：CrCl 未知。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.evidence.mirgh_2026</source>
        <extracomment>Mirgh 2026 ({patients} patients): no overall PFS or OS difference between melphalan 200 and 140 mg/m²; grade 3–4 mucositis {mucositis_mel200_percent}% vs {mucositis_mel140_percent}%.</extracomment>
        <translation>Mirgh 2026（{patients} 例）：美法仑 200 与 140 mg/m² 的总体 PFS、OS 无差异；3–4 级黏膜炎 {mucositis_mel200_percent}% 对 {mucositis_mel140_percent}%。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.evidence.ebmt_calm</source>
        <extracomment>EBMT/CALM ({patients} patients): no overall difference; melphalan 200 mg/m² better if transplanted in less than PR, 140 mg/m² favoured for OS in VGPR or CR.</extracomment>
        <translation>EBMT/CALM（{patients} 例）：总体无差异；移植时未达 PR 者美法仑 200 mg/m² 更优，VGPR 或 CR 者 140 mg/m² 的 OS 更佳。</translation>
    </message>
    <message>
        <source>asct.conditioning_note.evidence.cibmtr</source>
        <extracomment>CIBMTR ({patients} patients): with CrCl {crcl_from}–{crcl_to} mL/min, 5-year PFS {pfs_mel200_percent}% with melphalan 200 mg/m² vs {pfs_mel140_percent}% with 140 mg/m².</extracomment>
        <translation>CIBMTR（{patients} 例）：CrCl {crcl_from}–{crcl_to} mL/min 者，美法仑 200 mg/m² 的 5 年 PFS 为 {pfs_mel200_percent}%，140 mg/m² 为 {pfs_mel140_percent}%。</translation>
    </message>
    <message>
        <source>dental.before_bta.done</source>
        <extracomment>Dental check {date}, before the first dose on {first}.</extracomment>
        <translation>口腔检查 {date}，在首次给药（{first}）前完成。</translation>
    </message>
    <message>
        <source>dental.before_bta.ready</source>
        <extracomment>Dental check {date}; bone-targeted therapy to start by {due}.</extracomment>
        <translation>已于 {date} 完成口腔检查；骨靶向治疗应于 {due} 前开始。</translation>
    </message>
    <message>
        <source>dental.before_bta.after_start</source>
        <extracomment>Dental check {date}, done after bone-targeted therapy started ({first}).</extracomment>
        <translation>口腔检查 {date}，在骨靶向治疗开始（{first}）后才完成。</translation>
    </message>
    <message>
        <source>dental.before_bta.missing</source>
        <extracomment>No dental check in the {days} days before the first dose ({first}).</extracomment>
        <translation>首次给药（{first}）前 {days} 天内无口腔检查。</translation>
    </message>
    <message>
        <source>dental.before_bta.needed</source>
        <extracomment>Dental check needed before bone-targeted therapy starts (by {due}); none in the last {days} days.</extracomment>
        <translation>骨靶向治疗开始前需行口腔检查（{due} 前）；近 {days} 天内无检查。</translation>
    </message>
    <message>
        <source>dental.before_bta.treatment_needed</source>
        <extracomment>Dental check {date} found treatment needed: not yet cleared for bone-targeted therapy (due by {due}).</extracomment>
        <translation>{date} 口腔检查提示需要治疗：尚未具备开始骨靶向治疗的条件（应于 {due} 前完成）。</translation>
    </message>
    <message>
        <source>dental.periodic.no_exam</source>
        <extracomment>No dental check since {days} days before the first dose ({first}): the check before bone therapy comes first.</extracomment>
        <translation>自首次给药（{first}）前 {days} 天以来无口腔检查：应先完成骨靶向治疗前口腔检查。</translation>
    </message>
    <message>
        <source>dental.periodic.due</source>
        <extracomment>Last dental check {last}; every {months} months while on {agent}.</extracomment>
        <translation>末次口腔检查 {last}；使用{agent}期间每 {months} 个月一次。</translation>
    </message>
    <message>
        <source>dental.periodic.treatment_needed</source>
        <extracomment>Last dental check {last} found treatment needed: check again within {months} months.</extracomment>
        <translation>末次口腔检查 {last} 提示需要治疗：{months} 个月内复查。</translation>
    </message>
    <message>
        <source>alert.onj_risk.none</source>
        <extracomment>No invasive dental procedure planned or done in the last {days} days.</extracomment>
        <translation>无计划中或近 {days} 天内已行的有创牙科操作。</translation>
    </message>
    <message>
        <source>alert.onj_risk.planned</source>
        <extracomment>Invasive dental procedure planned for {date}: risk of osteonecrosis of the jaw; discuss holding bone therapy around it.</extracomment>
        <translation>计划于 {date} 行有创牙科操作：有颌骨坏死（ONJ）风险；讨论围操作期暂停骨靶向治疗。</translation>
    </message>
    <message>
        <source>alert.onj_risk.done</source>
        <extracomment>Invasive dental procedure on {date}: risk of osteonecrosis of the jaw; discuss holding bone therapy around it.</extracomment>
        <translation>{date} 已行有创牙科操作：有颌骨坏死（ONJ）风险；讨论围操作期暂停骨靶向治疗。</translation>
    </message>
    <message>
        <source>alert.onj_risk.planned_after_therapy</source>
        <extracomment>Invasive dental procedure planned for {date}, within {months} months of the last bone-therapy dose ({last}): the risk of osteonecrosis of the jaw persists after bone therapy; inform the dentist.</extracomment>
        <translation>计划于 {date} 行有创牙科操作，距末次骨靶向治疗（{last}）不足 {months} 个月：停药后颌骨坏死（ONJ）风险仍然存在；请告知口腔科医生。</translation>
    </message>
    <message>
        <source>alert.onj_risk.done_after_therapy</source>
        <extracomment>Invasive dental procedure on {date}, within {months} months of the last bone-therapy dose ({last}): the risk of osteonecrosis of the jaw persists after bone therapy; watch the healing.</extracomment>
        <translation>{date} 已行有创牙科操作，距末次骨靶向治疗（{last}）不足 {months} 个月：停药后颌骨坏死（ONJ）风险仍然存在；注意观察创面愈合。</translation>
    </message>
    <message>
        <source>alert.onj_risk.exposure_over</source>
        <extracomment>Last bone-therapy dose {last}, more than {months} months ago.</extracomment>
        <translation>末次骨靶向治疗 {last}，已超过 {months} 个月。</translation>
    </message>
    <message>
        <source>imaging.baseline.no_diagnosis</source>
        <extracomment>No SMM or NDMM diagnosis recorded.</extracomment>
        <translation>无 SMM 或 NDMM 诊断记录。</translation>
    </message>
    <message>
        <source>imaging.baseline.due</source>
        <extracomment>Whole-body low-dose CT, PET-CT or MRI due by {due} for the {phase} diagnosis of {diagnosis}; none since {since}.</extracomment>
        <translation>{phase}诊断（{diagnosis}）需行全身低剂量 CT、PET-CT 或 MRI，应于 {due} 前完成；{since} 以来无检查。</translation>
    </message>
    <message>
        <source>imaging.baseline.done</source>
        <extracomment>Baseline imaging for the {phase} diagnosis of {diagnosis}: {modality} on {date}.</extracomment>
        <translation>{phase}诊断（{diagnosis}）的基线影像学检查：{modality}（{date}）。</translation>
    </message>
    <message>
        <source>imaging.baseline.suboptimal</source>
        <extracomment>Only a skeletal survey ({date}) for the {phase} diagnosis of {diagnosis}: suboptimal; whole-body low-dose CT, PET-CT or MRI preferred.</extracomment>
        <translation>{phase}诊断（{diagnosis}）仅行全身骨骼 X 线检查（{date}）：不够理想，宜行全身低剂量 CT、PET-CT 或 MRI。</translation>
    </message>
    <message>
        <source>imaging.baseline.closed</source>
        <extracomment>Baseline imaging for the {phase} diagnosis of {diagnosis}: {modality} on {date}; closed on {closed}, 12 months after the diagnosis.</extracomment>
        <translation>{phase} 诊断（{diagnosis}）的基线影像学检查：{modality}（{date}）；已于诊断后 12 个月（{closed}）关闭。</translation>
    </message>
    <message>
        <source>imaging.baseline.not_done_at_diagnosis</source>
        <extracomment>Not done at diagnosis: no whole-body imaging for the {phase} diagnosis of {diagnosis}; closed on {closed}, 12 months after the diagnosis.</extracomment>
        <translation>诊断时未完成：{phase} 诊断（{diagnosis}）无全身影像学检查；已于诊断后 12 个月（{closed}）关闭。</translation>
    </message>
    <message>
        <source>imaging.smm_mri.not_smm</source>
        <extracomment>Applies in SMM only.</extracomment>
        <translation>仅适用于 SMM。</translation>
    </message>
    <message>
        <source>imaging.smm_mri.no_imaging</source>
        <extracomment>No whole-body imaging yet: see baseline imaging.</extracomment>
        <translation>尚无全身影像学检查：见基线影像学检查。</translation>
    </message>
    <message>
        <source>imaging.smm_mri.not_needed</source>
        <extracomment>First whole-body imaging was {modality} ({date}): no further MRI needed.</extracomment>
        <translation>首次全身影像学检查为{modality}（{date}）：无需再行 MRI。</translation>
    </message>
    <message>
        <source>imaging.smm_mri.lytic</source>
        <extracomment>Lytic lesions on {modality} of {date} ({lesions}): assess for active MM (SLiM-CRAB) rather than add an MRI.</extracomment>
        <translation>{date} {modality}示溶骨性骨质破坏（{lesions} 处）：应评估是否为活动性 MM（SLiM-CRAB），而非补充 MRI。</translation>
    </message>
    <message>
        <source>imaging.smm_mri.due</source>
        <extracomment>No lytic lesions on {modality} of {date}: whole-body MRI or PET-CT within {days} days, by {due}.</extracomment>
        <translation>{date} {modality}未见溶骨性骨质破坏：应在 {days} 天内（{due} 前）行全身 MRI 或 PET-CT。</translation>
    </message>
    <message>
        <source>imaging.smm_mri.done</source>
        <extracomment>Completed by {modality} on {date}.</extracomment>
        <translation>已于 {date} 行{modality}。</translation>
    </message>
    <message>
        <source>imaging.smm_followup.not_smm</source>
        <extracomment>Applies in SMM only.</extracomment>
        <translation>仅适用于 SMM。</translation>
    </message>
    <message>
        <source>imaging.smm_followup.ended</source>
        <extracomment>More than {years} years since the SMM diagnosis ({diagnosis}): yearly imaging no longer flagged.</extracomment>
        <translation>距 SMM 诊断（{diagnosis}）已超过 {years} 年：不再提示每年影像学复查。</translation>
    </message>
    <message>
        <source>imaging.smm_followup.no_imaging</source>
        <extracomment>No whole-body imaging yet: see baseline imaging.</extracomment>
        <translation>尚无全身影像学检查：见基线影像学检查。</translation>
    </message>
    <message>
        <source>imaging.smm_followup.due</source>
        <extracomment>Last whole-body imaging {last} ({modality}); repeat every {months} months, next by {due}.</extracomment>
        <translation>末次全身影像学检查 {last}（{modality}）；每 {months} 个月复查一次，下次 {due} 前。</translation>
    </message>
    <message>
        <source>record.phase.no_phase.registered</source>
        <extracomment>No disease phase recorded: record the phase (registered {start}; due {due}, {days} days after registration).</extracomment>
        <translation>未记录病程阶段：请记录病程阶段（登记日期 {start}；应于 {due} 前完成，即登记后 {days} 天）。</translation>
    </message>
    <message>
        <source>record.phase.no_phase.first_entry</source>
        <extracomment>No disease phase recorded: record the phase (no registration date; first entry {start}; due {due}, {days} days after it).</extracomment>
        <translation>未记录病程阶段：请记录病程阶段（无登记日期；首条记录 {start}；应于 {due} 前完成，即其后 {days} 天）。</translation>
    </message>
    <message>
        <source>record.phase.no_phase.as_of</source>
        <extracomment>No disease phase recorded and no registration date or entry: record the phase (due {due}, {days} days from {start}).</extracomment>
        <translation>未记录病程阶段，且无登记日期或任何记录：请记录病程阶段（应于 {due} 前完成，即自 {start} 起 {days} 天）。</translation>
    </message>
    <message>
        <source>record.phase.relapse_missing</source>
        <extracomment>Salvage line started {start} without a RELAPSE phase entry within {days} days: record the relapse (due {due}).</extracomment>
        <translation>挽救治疗线于 {start} 开始，但 {days} 天内无复发阶段记录：请记录复发（应于 {due} 前完成）。</translation>
    </message>
    <message>
        <source>record.phase.ndmm_missing</source>
        <extracomment>Induction line started {start} without an NDMM phase entry within {days} days: record the diagnosis phase (due {due}).</extracomment>
        <translation>诱导治疗线于 {start} 开始，但 {days} 天内无新诊断多发性骨髓瘤（NDMM）阶段记录：请记录诊断阶段（应于 {due} 前完成）。</translation>
    </message>
    <message>
        <source>record.phase.recorded</source>
        <extracomment>Phase recorded: {phase} since {date}.</extracomment>
        <translation>已记录病程阶段：{phase}（自 {date} 起）。</translation>
    </message>
    <message>
        <source>record.phase.not_in_care</source>
        <extracomment>No longer in care since {since}.</extracomment>
        <translation>自 {since} 起不再随访。</translation>
    </message>
    <message>
        <source>record.treatment_line.missing</source>
        <extracomment>{phase} from {start} has no treatment line: record the treatment line, response and progression are measured from it (due {due}, {days} days after the start).</extracomment>
        <translation>{phase}（自 {start} 起）无治疗线记录：请记录治疗线，疗效和疾病进展均以其为起点评估（应于 {due} 前完成，即开始后 {days} 天）。</translation>
    </message>
    <message>
        <source>record.treatment_line.recorded</source>
        <extracomment>Treatment episode from {start}: first line started {line_start}.</extracomment>
        <translation>治疗阶段自 {start} 起：首个治疗线于 {line_start} 开始。</translation>
    </message>
    <message>
        <source>record.treatment_line.no_episode</source>
        <extracomment>No treatment episode (no NDMM or relapse recorded).</extracomment>
        <translation>无治疗阶段（未记录新诊断或复发）。</translation>
    </message>
    <message>
        <source>record.treatment_line.not_in_care</source>
        <extracomment>No longer in care since {since}.</extracomment>
        <translation>自 {since} 起不再随访。</translation>
    </message>
    <message>
        <source>smm.missing.bmpc</source>
        <extracomment>No bone-marrow plasma cell result.</extracomment>
        <translation>无骨髓浆细胞比例结果。</translation>
    </message>
    <message>
        <source>smm.missing.m_protein</source>
        <extracomment>No serum M-protein result.</extracomment>
        <translation>无血清 M 蛋白结果。</translation>
    </message>
    <message>
        <source>smm.missing.flc</source>
        <extracomment>No κ and λ free light chains on the same day: FLC ratio unknown.</extracomment>
        <translation>无同日的 κ 和 λ 游离轻链结果：游离轻链比值未知。</translation>
    </message>
    <message>
        <source>smm.missing.fish</source>
        <extracomment>FISH not available (scored 0 in the IMWG 2020 score, which is then incomplete).</extracomment>
        <translation>无 FISH 结果（IMWG 2020 评分按 0 分计，评分不完整）。</translation>
    </message>
    <message>
        <source>smm.mayo2018.low</source>
        <extracomment>Mayo 2018 (20/2/20) low risk, {factors} of 3 factors: median time to progression {median_ttp_months} months ({ttp_source}); {two_year_percent}% progress at 2 years ({risk_source}).</extracomment>
        <translation>Mayo 2018（20/2/20）低危，具备 3 个因素中的 {factors} 个：中位进展时间 {median_ttp_months} 个月（{ttp_source}）；2 年进展率 {two_year_percent}%（{risk_source}）。</translation>
    </message>
    <message>
        <source>smm.mayo2018.intermediate</source>
        <extracomment>Mayo 2018 (20/2/20) intermediate risk, {factors} of 3 factors: median time to progression {median_ttp_months} months ({ttp_source}); {two_year_percent}% progress at 2 years ({risk_source}).</extracomment>
        <translation>Mayo 2018（20/2/20）中危，具备 3 个因素中的 {factors} 个：中位进展时间 {median_ttp_months} 个月（{ttp_source}）；2 年进展率 {two_year_percent}%（{risk_source}）。</translation>
    </message>
    <message>
        <source>smm.mayo2018.high</source>
        <extracomment>Mayo 2018 (20/2/20) high risk, {factors} of 3 factors: median time to progression {median_ttp_months} months ({ttp_source}); {two_year_percent}% progress at 2 years ({risk_source}).</extracomment>
        <translation>Mayo 2018（20/2/20）高危，具备 3 个因素中的 {factors} 个：中位进展时间 {median_ttp_months} 个月（{ttp_source}）；2 年进展率 {two_year_percent}%（{risk_source}）。</translation>
    </message>
    <message>
        <source>smm.mayo2018.undetermined</source>
        <extracomment>Mayo 2018 risk undetermined: {factors_low} to {factors_high} factors possible with the missing inputs.</extracomment>
        <translation>Mayo 2018 危险分层无法确定：因缺少数据，危险因素可能为 {factors_low}–{factors_high} 个。</translation>
    </message>
    <message>
        <source>smm.mateos2020.low</source>
        <extracomment>20/2/20 with FISH (Mateos 2020) low risk, {factors} of 4 factors: {two_year_percent}% progress at 2 years.</extracomment>
        <translation>20/2/20 加 FISH（Mateos 2020）低危，具备 4 个因素中的 {factors} 个：2 年进展率 {two_year_percent}%。</translation>
    </message>
    <message>
        <source>smm.mateos2020.low_intermediate</source>
        <extracomment>20/2/20 with FISH (Mateos 2020) low-intermediate risk, {factors} of 4 factors: {two_year_percent}% progress at 2 years.</extracomment>
        <translation>20/2/20 加 FISH（Mateos 2020）中低危，具备 4 个因素中的 {factors} 个：2 年进展率 {two_year_percent}%。</translation>
    </message>
    <message>
        <source>smm.mateos2020.intermediate</source>
        <extracomment>20/2/20 with FISH (Mateos 2020) intermediate risk, {factors} of 4 factors: {two_year_percent}% progress at 2 years.</extracomment>
        <translation>20/2/20 加 FISH（Mateos 2020）中危，具备 4 个因素中的 {factors} 个：2 年进展率 {two_year_percent}%。</translation>
    </message>
    <message>
        <source>smm.mateos2020.high</source>
        <extracomment>20/2/20 with FISH (Mateos 2020) high risk, {factors} of 4 factors: {two_year_percent}% progress at 2 years.</extracomment>
        <translation>20/2/20 加 FISH（Mateos 2020）高危，具备 4 个因素中的 {factors} 个：2 年进展率 {two_year_percent}%。</translation>
    </message>
    <message>
        <source>smm.mateos2020.undetermined</source>
        <extracomment>20/2/20 with FISH (Mateos 2020) undetermined: {factors_low} to {factors_high} factors possible with the missing inputs.</extracomment>
        <translation>20/2/20 加 FISH（Mateos 2020）危险分层无法确定：因缺少数据，危险因素可能为 {factors_low}–{factors_high} 个。</translation>
    </message>
    <message>
        <source>smm.imwg2020.low</source>
        <extracomment>IMWG 2020 score {score}, low risk: {group_percent}% progress at 2 years ({score_percent}% for this score).</extracomment>
        <translation>IMWG 2020 评分 {score} 分，低危：2 年进展率 {group_percent}%（该分值 {score_percent}%）。</translation>
    </message>
    <message>
        <source>smm.imwg2020.low_intermediate</source>
        <extracomment>IMWG 2020 score {score}, low-intermediate risk: {group_percent}% progress at 2 years ({score_percent}% for this score).</extracomment>
        <translation>IMWG 2020 评分 {score} 分，中低危：2 年进展率 {group_percent}%（该分值 {score_percent}%）。</translation>
    </message>
    <message>
        <source>smm.imwg2020.intermediate</source>
        <extracomment>IMWG 2020 score {score}, intermediate risk: {group_percent}% progress at 2 years ({score_percent}% for this score).</extracomment>
        <translation>IMWG 2020 评分 {score} 分，中危：2 年进展率 {group_percent}%（该分值 {score_percent}%）。</translation>
    </message>
    <message>
        <source>smm.imwg2020.high</source>
        <extracomment>IMWG 2020 score {score}, high risk: {group_percent}% progress at 2 years ({score_percent}% for this score).</extracomment>
        <translation>IMWG 2020 评分 {score} 分，高危：2 年进展率 {group_percent}%（该分值 {score_percent}%）。</translation>
    </message>
    <message>
        <source>smm.imwg2020.not_computable</source>
        <extracomment>IMWG 2020 score not computable: FLC ratio, serum M-protein or bone-marrow plasma cells missing.</extracomment>
        <translation>IMWG 2020 评分无法计算：缺少游离轻链比值、血清 M 蛋白或骨髓浆细胞比例。</translation>
    </message>
    <message>
        <source>smm.pangea.m_protein.met</source>
        <extracomment>Serum M-protein rose {change}, from {baseline} on {baseline_date} to {latest} on {latest_date}: at least {limit}.</extracomment>
        <translation>血清 M 蛋白由 {baseline}（{baseline_date}）升至 {latest}（{latest_date}），升高 {change}：≥{limit}。</translation>
    </message>
    <message>
        <source>smm.pangea.m_protein.not_met</source>
        <extracomment>Serum M-protein from {baseline} on {baseline_date} to {latest} on {latest_date}: rise {change}, less than {limit}.</extracomment>
        <translation>血清 M 蛋白由 {baseline}（{baseline_date}）变为 {latest}（{latest_date}）：升高 {change}，不足 {limit}。</translation>
    </message>
    <message>
        <source>smm.pangea.flc_ratio.met</source>
        <extracomment>FLC ratio rose {change}, from {baseline} on {baseline_date} to {latest} on {latest_date}: at least {limit}.</extracomment>
        <translation>游离轻链比值由 {baseline}（{baseline_date}）升至 {latest}（{latest_date}），升高 {change}：≥{limit}。</translation>
    </message>
    <message>
        <source>smm.pangea.flc_ratio.not_met</source>
        <extracomment>FLC ratio from {baseline} on {baseline_date} to {latest} on {latest_date}: rise {change}, less than {limit}.</extracomment>
        <translation>游离轻链比值由 {baseline}（{baseline_date}）变为 {latest}（{latest_date}）：升高 {change}，不足 {limit}。</translation>
    </message>
    <message>
        <source>smm.pangea.creatinine.met</source>
        <extracomment>Creatinine rose {change}%, from {baseline} on {baseline_date} to {latest} on {latest_date}: more than {limit}%.</extracomment>
        <translation>肌酐由 {baseline}（{baseline_date}）升至 {latest}（{latest_date}），升高 {change}%：超过 {limit}%。</translation>
    </message>
    <message>
        <source>smm.pangea.creatinine.not_met</source>
        <extracomment>Creatinine from {baseline} on {baseline_date} to {latest} on {latest_date}: rise {change}%, not more than {limit}%.</extracomment>
        <translation>肌酐由 {baseline}（{baseline_date}）变为 {latest}（{latest_date}）：升高 {change}%，未超过 {limit}%。</translation>
    </message>
    <message>
        <source>smm.pangea.hemoglobin.met</source>
        <extracomment>Hemoglobin fell {change}, from {baseline} on {baseline_date} to {latest} on {latest_date}: at least {limit}.</extracomment>
        <translation>血红蛋白由 {baseline}（{baseline_date}）降至 {latest}（{latest_date}），下降 {change}：≥{limit}。</translation>
    </message>
    <message>
        <source>smm.pangea.hemoglobin.not_met</source>
        <extracomment>Hemoglobin from {baseline} on {baseline_date} to {latest} on {latest_date}: fall {change}, less than {limit}.</extracomment>
        <translation>血红蛋白由 {baseline}（{baseline_date}）变为 {latest}（{latest_date}）：下降 {change}，不足 {limit}。</translation>
    </message>
    <message>
        <source>smm.pangea.m_protein.not_evaluable</source>
        <extracomment>Serum M-protein: no earlier result in the window to compare with.</extracomment>
        <translation>血清 M 蛋白：时间窗内无可比较的早前结果。</translation>
    </message>
    <message>
        <source>smm.pangea.flc_ratio.not_evaluable</source>
        <extracomment>FLC ratio: no earlier result in the window to compare with.</extracomment>
        <translation>游离轻链比值：时间窗内无可比较的早前结果。</translation>
    </message>
    <message>
        <source>smm.pangea.creatinine.not_evaluable</source>
        <extracomment>Creatinine: no earlier result in the window to compare with.</extracomment>
        <translation>肌酐：时间窗内无可比较的早前结果。</translation>
    </message>
    <message>
        <source>smm.pangea.hemoglobin.not_evaluable</source>
        <extracomment>Hemoglobin: no earlier result in the window to compare with.</extracomment>
        <translation>血红蛋白：时间窗内无可比较的早前结果。</translation>
    </message>
    <message>
        <source>labs.monitoring.not_in_care</source>
        <extracomment>No longer in care since {since}.</extracomment>
        <translation>自 {since} 起已不在随访中。</translation>
    </message>
    <message>
        <source>labs.monitoring.no_phase.last_result</source>
        <extracomment>No disease phase recorded: followed as SMM of unknown risk. Last M-protein or FLC result {last} ({analyte}); every {months} months, next by {due}.</extracomment>
        <translation>未记录病程阶段：按危险分层未知的冒烟型骨髓瘤（SMM）随访。末次 M 蛋白或游离轻链结果 {last}（{analyte}）；每 {months} 个月一次，下次 {due} 前。</translation>
    </message>
    <message>
        <source>labs.monitoring.no_phase.registered</source>
        <extracomment>No disease phase and no M-protein or FLC result recorded: followed as SMM of unknown risk from registration {start}; every {months} months, first by {due}.</extracomment>
        <translation>未记录病程阶段，亦无 M 蛋白或游离轻链结果：自登记日期 {start} 起按危险分层未知的冒烟型骨髓瘤（SMM）随访；每 {months} 个月一次，首次 {due} 前。</translation>
    </message>
    <message>
        <source>labs.monitoring.no_phase.first_entry</source>
        <extracomment>No disease phase and no M-protein or FLC result recorded: followed as SMM of unknown risk from the first entry {start} (no registration date); every {months} months, first by {due}.</extracomment>
        <translation>未记录病程阶段，亦无 M 蛋白或游离轻链结果：自首条记录 {start} 起（无登记日期）按危险分层未知的冒烟型骨髓瘤（SMM）随访；每 {months} 个月一次，首次 {due} 前。</translation>
    </message>
    <message>
        <source>labs.monitoring.no_phase.as_of</source>
        <extracomment>No disease phase, no M-protein or FLC result and no registration date recorded: followed as SMM of unknown risk from {start}; every {months} months, first by {due}.</extracomment>
        <translation>未记录病程阶段、M 蛋白或游离轻链结果及登记日期：自 {start} 起按危险分层未知的冒烟型骨髓瘤（SMM）随访；每 {months} 个月一次，首次 {due} 前。</translation>
    </message>
    <message>
        <source>labs.monitoring.smm_high.last_result</source>
        <extracomment>Last {analyte} {last}; {phase}, high risk (Mayo 2018): every {months} months, next by {due}.</extracomment>
        <translation>末次{analyte} {last}；{phase}，高危（Mayo 2018）：每 {months} 个月一次，下次 {due} 前。</translation>
    </message>
    <message>
        <source>labs.monitoring.smm_intermediate.last_result</source>
        <extracomment>Last {analyte} {last}; {phase}, intermediate risk (Mayo 2018): every {months} months, next by {due}.</extracomment>
        <translation>末次{analyte} {last}；{phase}，中危（Mayo 2018）：每 {months} 个月一次，下次 {due} 前。</translation>
    </message>
    <message>
        <source>labs.monitoring.smm_unknown.last_result</source>
        <extracomment>Last {analyte} {last}; {phase}, Mayo 2018 risk unknown: every {months} months, next by {due}.</extracomment>
        <translation>末次{analyte} {last}；{phase}，Mayo 2018 危险分层未知：每 {months} 个月一次，下次 {due} 前。</translation>
    </message>
    <message>
        <source>labs.monitoring.smm_low_first_year.last_result</source>
        <extracomment>Last {analyte} {last}; {phase}, low risk (Mayo 2018), first year after the diagnosis of {diagnosis}: every {months} months, next by {due}.</extracomment>
        <translation>末次{analyte} {last}；{phase}，低危（Mayo 2018），诊断（{diagnosis}）后第一年：每 {months} 个月一次，下次 {due} 前。</translation>
    </message>
    <message>
        <source>labs.monitoring.smm_low.last_result</source>
        <extracomment>Last {analyte} {last}; {phase}, low risk (Mayo 2018), more than a year after the diagnosis of {diagnosis}: every {months} months, next by {due}.</extracomment>
        <translation>末次{analyte} {last}；{phase}，低危（Mayo 2018），诊断（{diagnosis}）已超过一年：每 {months} 个月一次，下次 {due} 前。</translation>
    </message>
    <message>
        <source>labs.monitoring.active.last_result</source>
        <extracomment>Last {analyte} {last}; {phase}, on active therapy: every {days} days, next by {due}.</extracomment>
        <translation>末次{analyte} {last}；{phase}，治疗期：每 {days} 天一次，下次 {due} 前。</translation>
    </message>
    <message>
        <source>labs.monitoring.maintenance.last_result</source>
        <extracomment>Last {analyte} {last}; {phase}: every {days} days, next by {due}.</extracomment>
        <translation>末次{analyte} {last}；{phase}期间每 {days} 天一次，下次 {due} 前。</translation>
    </message>
    <message>
        <source>labs.monitoring.smm_unknown.phase_start</source>
        <extracomment>No M-protein or FLC result yet; {phase} since {start}, Mayo 2018 risk unknown: every {months} months, first by {due}.</extracomment>
        <translation>尚无 M 蛋白或游离轻链结果；当前病程阶段：{phase}（自 {start} 起），Mayo 2018 危险分层未知：每 {months} 个月一次，首次 {due} 前。</translation>
    </message>
    <message>
        <source>labs.monitoring.active.phase_start</source>
        <extracomment>No M-protein or FLC result yet; {phase} since {start}, on active therapy: every {days} days, first by {due}.</extracomment>
        <translation>尚无 M 蛋白或游离轻链结果；当前病程阶段：{phase}（自 {start} 起），治疗期：每 {days} 天一次，首次 {due} 前。</translation>
    </message>
    <message>
        <source>labs.monitoring.maintenance.phase_start</source>
        <extracomment>No M-protein or FLC result yet; {phase} since {start}: every {days} days, first by {due}.</extracomment>
        <translation>尚无 M 蛋白或游离轻链结果；当前病程阶段：{phase}（自 {start} 起），每 {days} 天一次，首次 {due} 前。</translation>
    </message>
    <message>
        <source>response.current.recorded.confirmed</source>
        <extracomment>Current response {category} on {date}, as recorded; confirmed ({criteria}).</extracomment>
        <translation>当前疗效为{category}：{date} 记录，已确认（{criteria}）。</translation>
    </message>
    <message>
        <source>response.current.recorded.unconfirmed</source>
        <extracomment>Current response {category} on {date}, as recorded; unconfirmed ({criteria}).</extracomment>
        <translation>当前疗效为{category}：{date} 记录，尚未确认（{criteria}）。</translation>
    </message>
    <message>
        <source>response.current.computed.confirmed</source>
        <extracomment>Current response {category} on {date}, computed from the labs; confirmed ({criteria}).</extracomment>
        <translation>当前疗效为{category}：{date} 根据检验结果判定，已确认（{criteria}）。</translation>
    </message>
    <message>
        <source>response.current.computed.unconfirmed</source>
        <extracomment>Current response {category} on {date}, computed from the labs; unconfirmed ({criteria}).</extracomment>
        <translation>当前疗效为{category}：{date} 根据检验结果判定，尚未确认（{criteria}）。</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.no_response</source>
        <extracomment>No response recorded or computed: MRD testing applies from {minimum}.</extracomment>
        <translation>无疗效记录或计算结果：疗效达到{minimum}及以上才需 MRD 检测。</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.below_minimum</source>
        <extracomment>Response {category} on {date}, below {minimum}: MRD testing not indicated yet.</extracomment>
        <translation>{date} 疗效为{category}，未达{minimum}：暂不需 MRD 检测。</translation>
    </message>
    <message>
        <source>mrd.day100.no_response</source>
        <extracomment>No response recorded or computed: MRD testing applies from {minimum}.</extracomment>
        <translation>无疗效记录或计算结果：疗效达到{minimum}及以上才需 MRD 检测。</translation>
    </message>
    <message>
        <source>mrd.day100.below_minimum</source>
        <extracomment>Response {category} on {date}, below {minimum}: MRD testing not indicated yet.</extracomment>
        <translation>{date} 疗效为{category}，未达{minimum}：暂不需 MRD 检测。</translation>
    </message>
    <message>
        <source>mrd.annual.no_response</source>
        <extracomment>No response recorded or computed: MRD testing applies from {minimum}.</extracomment>
        <translation>无疗效记录或计算结果：疗效达到{minimum}及以上才需 MRD 检测。</translation>
    </message>
    <message>
        <source>mrd.annual.below_minimum</source>
        <extracomment>Response {category} on {date}, below {minimum}: MRD testing not indicated yet.</extracomment>
        <translation>{date} 疗效为{category}，未达{minimum}：暂不需 MRD 检测。</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.due.confirmed</source>
        <extracomment>Induction ended {end}: MRD test between {since} and {until}, due {due}; response {category} on {response_date}, confirmed.</extracomment>
        <translation>诱导治疗于 {end} 结束：应在 {since} 至 {until} 期间行 MRD 检测，{due} 到期；{response_date} 疗效为{category}，已确认。</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.due.unconfirmed</source>
        <extracomment>Induction ended {end}: MRD test between {since} and {until}, due {due}; response {category} on {response_date}, unconfirmed.</extracomment>
        <translation>诱导治疗于 {end} 结束：应在 {since} 至 {until} 期间行 MRD 检测，{due} 到期；{response_date} 疗效为{category}，尚未确认。</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.due.immunofixation</source>
        <extracomment>Induction ended {end}: MRD test between {since} and {until}, due {due}; serum immunofixation negative on {ife_date} (the marrow confirms CR).</extracomment>
        <translation>诱导治疗于 {end} 结束：应在 {since} 至 {until} 期间行 MRD 检测，{due} 到期；{ife_date} 血清免疫固定电泳阴性（骨髓检查可同时确认 CR）。</translation>
    </message>
    <message>
        <source>mrd.day100.due.confirmed</source>
        <extracomment>ASCT on {performed}: MRD test on day {from_day}–{to_day}, between {since} and {until}; response {category} on {response_date}, confirmed.</extracomment>
        <translation>{performed} 行 ASCT：应在移植后第 {from_day}–{to_day} 天（{since} 至 {until}）行 MRD 检测；{response_date} 疗效为{category}，已确认。</translation>
    </message>
    <message>
        <source>mrd.day100.due.unconfirmed</source>
        <extracomment>ASCT on {performed}: MRD test on day {from_day}–{to_day}, between {since} and {until}; response {category} on {response_date}, unconfirmed.</extracomment>
        <translation>{performed} 行 ASCT：应在移植后第 {from_day}–{to_day} 天（{since} 至 {until}）行 MRD 检测；{response_date} 疗效为{category}，尚未确认。</translation>
    </message>
    <message>
        <source>mrd.day100.due.immunofixation</source>
        <extracomment>ASCT on {performed}: MRD test on day {from_day}–{to_day}, between {since} and {until}; serum immunofixation negative on {ife_date} (the marrow confirms CR).</extracomment>
        <translation>{performed} 行 ASCT：应在移植后第 {from_day}–{to_day} 天（{since} 至 {until}）行 MRD 检测；{ife_date} 血清免疫固定电泳阴性（骨髓检查可同时确认 CR）。</translation>
    </message>
    <message>
        <source>mrd.annual.after_test.confirmed</source>
        <extracomment>Last MRD test {last}; every {months} months in maintenance or continuous therapy, next by {due}; response {category} on {response_date}, confirmed.</extracomment>
        <translation>末次 MRD 检测 {last}；维持治疗或持续治疗期间每 {months} 个月一次，下次 {due} 前；{response_date} 疗效为{category}，已确认。</translation>
    </message>
    <message>
        <source>mrd.annual.after_test.unconfirmed</source>
        <extracomment>Last MRD test {last}; every {months} months in maintenance or continuous therapy, next by {due}; response {category} on {response_date}, unconfirmed.</extracomment>
        <translation>末次 MRD 检测 {last}；维持治疗或持续治疗期间每 {months} 个月一次，下次 {due} 前；{response_date} 疗效为{category}，尚未确认。</translation>
    </message>
    <message>
        <source>mrd.annual.after_test.immunofixation</source>
        <extracomment>Last MRD test {last}; every {months} months in maintenance or continuous therapy, next by {due}; serum immunofixation negative on {ife_date}.</extracomment>
        <translation>末次 MRD 检测 {last}；维持治疗或持续治疗期间每 {months} 个月一次，下次 {due} 前；{ife_date} 血清免疫固定电泳阴性。</translation>
    </message>
    <message>
        <source>mrd.annual.after_start.confirmed</source>
        <extracomment>Maintenance since {started}: MRD test every {months} months, first by {due}; response {category} on {response_date}, confirmed.</extracomment>
        <translation>自 {started} 起维持治疗：每 {months} 个月行 MRD 检测，首次 {due} 前；{response_date} 疗效为{category}，已确认。</translation>
    </message>
    <message>
        <source>mrd.annual.after_start.unconfirmed</source>
        <extracomment>Maintenance since {started}: MRD test every {months} months, first by {due}; response {category} on {response_date}, unconfirmed.</extracomment>
        <translation>自 {started} 起维持治疗：每 {months} 个月行 MRD 检测，首次 {due} 前；{response_date} 疗效为{category}，尚未确认。</translation>
    </message>
    <message>
        <source>mrd.annual.after_start.immunofixation</source>
        <extracomment>Maintenance since {started}: MRD test every {months} months, first by {due}; serum immunofixation negative on {ife_date}.</extracomment>
        <translation>自 {started} 起维持治疗：每 {months} 个月行 MRD 检测，首次 {due} 前；{ife_date} 血清免疫固定电泳阴性。</translation>
    </message>
    <message>
        <source>mrd.annual.after_line_start.confirmed</source>
        <extracomment>Continuous therapy since {started}: MRD test every {months} months, first by {due}; response {category} on {response_date}, confirmed.</extracomment>
        <translation>自 {started} 起持续治疗：每 {months} 个月行 MRD 检测，首次 {due} 前；{response_date} 疗效为{category}，已确认。</translation>
    </message>
    <message>
        <source>mrd.annual.after_line_start.unconfirmed</source>
        <extracomment>Continuous therapy since {started}: MRD test every {months} months, first by {due}; response {category} on {response_date}, unconfirmed.</extracomment>
        <translation>自 {started} 起持续治疗：每 {months} 个月行 MRD 检测，首次 {due} 前；{response_date} 疗效为{category}，尚未确认。</translation>
    </message>
    <message>
        <source>mrd.annual.after_line_start.immunofixation</source>
        <extracomment>Continuous therapy since {started}: MRD test every {months} months, first by {due}; serum immunofixation negative on {ife_date}.</extracomment>
        <translation>自 {started} 起持续治疗：每 {months} 个月行 MRD 检测，首次 {due} 前；{ife_date} 血清免疫固定电泳阴性。</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.no_induction_end</source>
        <extracomment>No induction line with an end date.</extracomment>
        <translation>无已结束的诱导治疗记录。</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.closed_asct</source>
        <extracomment>Closed: ASCT performed on {performed}.</extracomment>
        <translation>已关闭：{performed} 已行 ASCT。</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.closed_maintenance</source>
        <extracomment>Closed: maintenance started on {started}.</extracomment>
        <translation>已关闭：{started} 开始维持治疗。</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.closed_window</source>
        <extracomment>Closed on {closed}, 90 days after the due date {due} (induction ended {end}).</extracomment>
        <translation>已于 {closed} 关闭，距到期日 {due} 已满 90 天（诱导治疗 {end} 结束）。</translation>
    </message>
    <message>
        <source>mrd.end_of_induction.done</source>
        <extracomment>MRD test {date}, between {since} and {until} around the end of induction ({end}).</extracomment>
        <translation>已于 {date} 行 MRD 检测，在诱导治疗结束（{end}）前后的 {since} 至 {until} 期间内。</translation>
    </message>
    <message>
        <source>mrd.day100.no_transplant</source>
        <extracomment>No transplant performed.</extracomment>
        <translation>未行移植。</translation>
    </message>
    <message>
        <source>mrd.day100.closed</source>
        <extracomment>Closed on {closed}, 180 days after the ASCT of {performed}.</extracomment>
        <translation>已于 {closed} 关闭，距 ASCT（{performed}）已满 180 天。</translation>
    </message>
    <message>
        <source>mrd.day100.done</source>
        <extracomment>MRD test {date}, day {day} after the ASCT of {performed}.</extracomment>
        <translation>已于 {date} 行 MRD 检测，为 ASCT（{performed}）后第 {day} 天。</translation>
    </message>
    <message>
        <source>mrd.annual.not_maintenance</source>
        <extracomment>Applies in maintenance, or on a treatment line running more than 12 months (continuous therapy).</extracomment>
        <translation>仅适用于维持治疗期，或同一治疗线持续超过 12 个月（持续治疗）。</translation>
    </message>
    <message>
        <source>mrd.annual.line_short</source>
        <extracomment>Line started {started}: yearly MRD testing applies once it has run more than 12 months, after {until}.</extracomment>
        <translation>本线治疗始于 {started}：持续超过 12 个月后（{until} 之后）每年行 MRD 检测。</translation>
    </message>
    <message>
        <source>alert.mrd_lost.no_episode</source>
        <extracomment>No treatment episode: no MRD-negative result to follow.</extracomment>
        <translation>无治疗阶段（疗程）记录：无 MRD 阴性结果可随访。</translation>
    </message>
    <message>
        <source>alert.mrd_lost.no_negative</source>
        <extracomment>No MRD-negative result since the treatment episode started on {start}.</extracomment>
        <translation>本疗程开始（{start}）以来无 MRD 阴性结果。</translation>
    </message>
    <message>
        <source>alert.mrd_lost.negative</source>
        <extracomment>MRD negative on {mrd_date}; no positive MRD test or immunofixation since.</extracomment>
        <translation>{mrd_date} MRD 阴性；此后无 MRD 阳性或免疫固定电泳阳性结果。</translation>
    </message>
    <message>
        <source>alert.mrd_lost.mrd_positive</source>
        <extracomment>MRD positive on {date} after MRD negative on {mrd_date}: loss of MRD negativity (IMWG 2016 relapse from MRD-negative); review at the next contact.</extracomment>
        <translation>{mrd_date} MRD 阴性后，{date} MRD 阳性：MRD 阴性丢失（IMWG 2016 MRD 阴性后复发）；请于下次就诊时评估。</translation>
    </message>
    <message>
        <source>alert.mrd_lost.immunofixation_positive</source>
        <extracomment>Loss of MRD negativity: {analyte} positive on {date} after MRD negative on {mrd_date} (IMWG 2016 relapse from MRD-negative); review at the next contact.</extracomment>
        <translation>{mrd_date} MRD 阴性后，{date} {analyte}阳性：MRD 阴性丢失（IMWG 2016 MRD 阴性后复发）；请于下次就诊时评估。</translation>
    </message>
    <message>
        <source>alert.progression.not_active_mm</source>
        <extracomment>Applies to active MM only.</extracomment>
        <translation>仅适用于活动性 MM。</translation>
    </message>
    <message>
        <source>alert.progression.no_baseline</source>
        <extracomment>No serum or urine M-protein or FLC result in the treatment episode that started on {start}: no response baseline.</extracomment>
        <translation>本疗程（始于 {start}）无血清或尿 M 蛋白、游离轻链结果：无疗效评估基线。</translation>
    </message>
    <message>
        <source>alert.progression.none</source>
        <extracomment>No progression by {criteria} since the treatment episode started on {start}.</extracomment>
        <translation>本疗程开始（{start}）以来未达 {criteria} 疾病进展标准。</translation>
    </message>
    <message>
        <source>alert.progression.none.no_baseline_imaging</source>
        <extracomment>No progression by {criteria} since the treatment episode started on {start}; baseline imaging missing (no whole-body imaging with a lesion count by {until}): new bone lesions cannot be counted.</extracomment>
        <translation>本疗程开始（{start}）以来未达 {criteria} 疾病进展标准；缺少基线影像（{until} 前无报告病灶数的全身影像）：无法计数新发骨病灶。</translation>
    </message>
    <message>
        <source>alert.progression.unconfirmed</source>
        <extracomment>PD by {criteria} on {date}, by {criterion}; unconfirmed: repeat to confirm.</extracomment>
        <translation>{date} 达到 {criteria} 疾病进展（PD）标准（依据：{criterion}）；尚未确认：需复查确认。</translation>
    </message>
    <message>
        <source>alert.progression.unconfirmed.other_modality</source>
        <extracomment>PD by {criteria} on {date}, by {criterion}; different modality from the baseline imaging: confirm the lesions are new; unconfirmed: repeat to confirm.</extracomment>
        <translation>{date} 达到 {criteria} 疾病进展（PD）标准（依据：{criterion}）；与基线影像检查方式不同：请确认病灶为新发；尚未确认：需复查确认。</translation>
    </message>
    <message>
        <source>alert.progression.confirmed</source>
        <extracomment>PD by {criteria} on {date}, by {criterion}; confirmed on {confirmed_on}.</extracomment>
        <translation>{date} 达到 {criteria} 疾病进展（PD）标准（依据：{criterion}）；已于 {confirmed_on} 确认。</translation>
    </message>
    <message>
        <source>alert.progression.confirmed.other_modality</source>
        <extracomment>PD by {criteria} on {date}, by {criterion}; different modality from the baseline imaging: confirm the lesions are new; confirmed on {confirmed_on}.</extracomment>
        <translation>{date} 达到 {criteria} 疾病进展（PD）标准（依据：{criterion}）；与基线影像检查方式不同：请确认病灶为新发；已于 {confirmed_on} 确认。</translation>
    </message>
    <message>
        <source>smm.risk.not_smm</source>
        <extracomment>Applies in SMM only; current phase: {phase}.</extracomment>
        <translation>仅适用于 SMM；当前病程阶段：{phase}。</translation>
    </message>
    <message>
        <source>alert.smm_mde.not_smm</source>
        <extracomment>Applies in SMM only; current phase: {phase}.</extracomment>
        <translation>仅适用于 SMM；当前病程阶段：{phase}。</translation>
    </message>
    <message>
        <source>alert.smm_high_risk.not_smm</source>
        <extracomment>Applies in SMM only; current phase: {phase}.</extracomment>
        <translation>仅适用于 SMM；当前病程阶段：{phase}。</translation>
    </message>
    <message>
        <source>alert.pangea_evolving.not_smm</source>
        <extracomment>Applies in SMM only; current phase: {phase}.</extracomment>
        <translation>仅适用于 SMM；当前病程阶段：{phase}。</translation>
    </message>
    <message>
        <source>smm.risk.scored</source>
        <extracomment>Mayo 2018 last computable on {date} (M-protein {m_protein_date}, FLC {flc_date}, marrow {bmpc_date}; M-protein and FLC within {window_months} months); re-score every {months} months, next by {due}.</extracomment>
        <translation>Mayo 2018 末次可计算日期 {date}（M 蛋白 {m_protein_date}，游离轻链 {flc_date}，骨髓 {bmpc_date}；M 蛋白和游离轻链须在 {window_months} 个月内）；每 {months} 个月重新评分，下次 {due} 前。</translation>
    </message>
    <message>
        <source>smm.risk.never_scored</source>
        <extracomment>Mayo 2018 not yet computable, missing: {missing} (M-protein and FLC within {window_months} months); first score due {days} days after the SMM diagnosis of {diagnosis}, by {due}.</extracomment>
        <translation>尚无法计算 Mayo 2018 评分，缺少：{missing}（M 蛋白和游离轻链须在 {window_months} 个月内）；首次评分应在 SMM 诊断（{diagnosis}）后 {days} 天内，即 {due} 前完成。</translation>
    </message>
    <message>
        <source>alert.smm_mde.met</source>
        <extracomment>SLiM-CRAB criteria met (latest value {date}): {criteria}. Evaluate for progression to active MM.</extracomment>
        <translation>符合 SLiM-CRAB 标准（最近结果 {date}）：{criteria}。评估是否已进展为活动性 MM。</translation>
    </message>
    <message>
        <source>alert.smm_mde.none_met</source>
        <extracomment>No SLiM-CRAB criterion met.</extracomment>
        <translation>未符合任何 SLiM-CRAB 标准。</translation>
    </message>
    <message>
        <source>alert.smm_mde.none_met_incomplete</source>
        <extracomment>No SLiM-CRAB criterion met; not evaluable: {not_evaluable}.</extracomment>
        <translation>未符合 SLiM-CRAB 标准；无法评估：{not_evaluable}。</translation>
    </message>
    <message>
        <source>alert.smm_high_risk.mayo_2018</source>
        <extracomment>High-risk SMM by Mayo 2018 ({factors} of 3 factors; median time to progression {median_ttp_months} months, {two_year_percent}% at 2 years): discuss early intervention or a clinical trial.</extracomment>
        <translation>Mayo 2018 高危 SMM（具备 3 个因素中的 {factors} 个；中位进展时间 {median_ttp_months} 个月，2 年进展率 {two_year_percent}%）：讨论早期干预或参加临床试验。</translation>
    </message>
    <message>
        <source>alert.smm_high_risk.imwg_2020</source>
        <extracomment>High-risk SMM by IMWG 2020 score {score}, above {limit} ({group_percent}% at 2 years): discuss early intervention or a clinical trial.</extracomment>
        <translation>IMWG 2020 评分 {score} 分，超过 {limit} 分，为高危 SMM（2 年进展率 {group_percent}%）：讨论早期干预或参加临床试验。</translation>
    </message>
    <message>
        <source>alert.smm_high_risk.both</source>
        <extracomment>High-risk SMM by Mayo 2018 ({factors} of 3 factors) and IMWG 2020 (score {score}, above {limit}): discuss early intervention or a clinical trial.</extracomment>
        <translation>Mayo 2018（具备 3 个因素中的 {factors} 个）及 IMWG 2020（评分 {score} 分，超过 {limit} 分）均为高危 SMM：讨论早期干预或参加临床试验。</translation>
    </message>
    <message>
        <source>alert.smm_high_risk.not_met</source>
        <extracomment>Not high risk: Mayo 2018 not high and IMWG 2020 score not above {limit}.</extracomment>
        <translation>非高危：Mayo 2018 非高危，IMWG 2020 评分未超过 {limit} 分。</translation>
    </message>
    <message>
        <source>alert.smm_high_risk.undetermined</source>
        <extracomment>High risk undetermined: Mayo 2018 group unknown, IMWG 2020 score not above {limit} or not computable.</extracomment>
        <translation>高危与否无法确定：Mayo 2018 分层未知，IMWG 2020 评分未超过 {limit} 分或无法计算。</translation>
    </message>
    <message>
        <source>alert.pangea_evolving.met</source>
        <extracomment>PANGEA-SMM evolving biomarkers met: {biomarkers} (latest {date}, against the earliest value in the {window_months} months before).</extracomment>
        <translation>符合 PANGEA-SMM 动态演变生物标志物：{biomarkers}（最近 {date}，与此前 {window_months} 个月内的最早值相比）。</translation>
    </message>
    <message>
        <source>alert.pangea_evolving.none_met</source>
        <extracomment>No PANGEA-SMM evolving biomarker met within {window_months} months.</extracomment>
        <translation>{window_months} 个月内无符合 PANGEA-SMM 标准的动态演变生物标志物。</translation>
    </message>
    <message>
        <source>alert.pangea_evolving.none_met_incomplete</source>
        <extracomment>No PANGEA-SMM evolving biomarker met within {window_months} months; not evaluable: {not_evaluable}.</extracomment>
        <translation>{window_months} 个月内无符合 PANGEA-SMM 标准的动态演变生物标志物；无法评估：{not_evaluable}。</translation>
    </message>
    <message>
        <source>supplement.ca_vitd.hypercalcaemic</source>
        <extracomment>Calcium {value} on {date}, above the ULN {uln}: no calcium supplement for now.</extracomment>
        <translation>血钙 {value}（{date}），高于正常上限 {uln}：暂不补钙。</translation>
    </message>
    <message>
        <source>supplement.ca_vitd.taking</source>
        <extracomment>Calcium and vitamin D supplement since {since}.</extracomment>
        <translation>自 {since} 起补充钙剂和维生素 D。</translation>
    </message>
    <message>
        <source>supplement.ca_vitd.ended</source>
        <extracomment>Calcium and vitamin D supplement ended {ended}; needed while on bone therapy (since {first}).</extracomment>
        <translation>钙剂和维生素 D 补充已于 {ended} 停止；骨靶向治疗期间（自 {first} 起）需持续补充。</translation>
    </message>
    <message>
        <source>supplement.ca_vitd.missing</source>
        <extracomment>No calcium and vitamin D supplement recorded since bone therapy started ({first}).</extracomment>
        <translation>骨靶向治疗开始（{first}）以来无补充钙剂和维生素 D 的记录。</translation>
    </message>
    <message>
        <source>vitd.level.first</source>
        <extracomment>25-OH vitamin D due {days} days after the first dose ({first}).</extracomment>
        <translation>首次给药（{first}）后 {days} 天内检测 25-羟维生素 D。</translation>
    </message>
    <message>
        <source>vitd.level.deficient</source>
        <extracomment>25-OH vitamin D {value} on {date}, below {threshold}: deficient; replace vitamin D.</extracomment>
        <translation>25-羟维生素 D {value}（{date}），低于 {threshold}：缺乏，需补充维生素 D。</translation>
    </message>
    <message>
        <source>vitd.level.insufficient</source>
        <extracomment>25-OH vitamin D {value} on {date}: insufficient; recheck every {months} months.</extracomment>
        <translation>25-羟维生素 D {value}（{date}）：不足；每 {months} 个月复查。</translation>
    </message>
    <message>
        <source>vitd.level.sufficient</source>
        <extracomment>25-OH vitamin D {value} on {date}: sufficient; recheck every {months} months.</extracomment>
        <translation>25-羟维生素 D {value}（{date}）：充足；每 {months} 个月复查。</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.no_plan</source>
        <extracomment>No transplant planned.</extracomment>
        <translation>无移植计划。</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.due</source>
        <extracomment>ASCT planned {planned}: PET-CT within {days} days before it, from {since}.</extracomment>
        <translation>计划 {planned} 行 ASCT：需在移植前 {days} 天内（{since} 起）行 PET-CT。</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.done</source>
        <extracomment>PET-CT {date}, within {days} days before the ASCT planned {planned}.</extracomment>
        <translation>PET-CT {date}，在计划移植日（{planned}）前 {days} 天内。</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.done_before_asct</source>
        <extracomment>PET-CT {date}, before the ASCT of {performed}.</extracomment>
        <translation>ASCT（{performed}）前已行 PET-CT（{date}）。</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.not_done_before_asct</source>
        <extracomment>No PET-CT in the {days} days before the ASCT of {performed}.</extracomment>
        <translation>ASCT（{performed}）前 {days} 天内未行 PET-CT。</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.withdrawn</source>
        <extracomment>ASCT planned {planned} was withdrawn on {ended}.</extracomment>
        <translation>计划于 {planned} 进行的 ASCT 已于 {ended} 取消。</translation>
    </message>
    <message>
        <source>imaging.pre_asct_pet.plan_passed</source>
        <extracomment>ASCT planned {planned} not recorded as performed; the pre-ASCT PET-CT closed on {closed}.</extracomment>
        <translation>计划于 {planned} 进行的 ASCT 未记录已实施；移植前 PET-CT 事项已于 {closed} 关闭。</translation>
    </message>
    <message>
        <source>mrd.pre_asct.no_plan</source>
        <extracomment>No transplant planned.</extracomment>
        <translation>无移植计划。</translation>
    </message>
    <message>
        <source>mrd.pre_asct.due</source>
        <extracomment>ASCT planned {planned}: MRD test within {days} days before it, from {since}.</extracomment>
        <translation>计划 {planned} 行 ASCT：需在移植前 {days} 天内（{since} 起）行 MRD 检测。</translation>
    </message>
    <message>
        <source>mrd.pre_asct.done</source>
        <extracomment>MRD test {date}, within {days} days before the ASCT planned {planned}.</extracomment>
        <translation>MRD 检测 {date}，在计划移植日（{planned}）前 {days} 天内。</translation>
    </message>
    <message>
        <source>mrd.pre_asct.done_before_asct</source>
        <extracomment>MRD test {date}, before the ASCT of {performed}.</extracomment>
        <translation>ASCT（{performed}）前已行 MRD 检测（{date}）。</translation>
    </message>
    <message>
        <source>mrd.pre_asct.not_done_before_asct</source>
        <extracomment>No MRD test in the {days} days before the ASCT of {performed}.</extracomment>
        <translation>ASCT（{performed}）前 {days} 天内未行 MRD 检测。</translation>
    </message>
    <message>
        <source>mrd.pre_asct.withdrawn</source>
        <extracomment>ASCT planned {planned} was withdrawn on {ended}.</extracomment>
        <translation>计划于 {planned} 进行的 ASCT 已于 {ended} 取消。</translation>
    </message>
    <message>
        <source>mrd.pre_asct.plan_passed</source>
        <extracomment>ASCT planned {planned} not recorded as performed; the pre-ASCT MRD test closed on {closed}.</extracomment>
        <translation>计划于 {planned} 进行的 ASCT 未记录已实施；移植前 MRD 检测事项已于 {closed} 关闭。</translation>
    </message>
    <message>
        <source>asct.outcome.due</source>
        <extracomment>ASCT planned {planned}: record whether it was performed or withdrawn (due {due}, {days} days after the planned date).</extracomment>
        <translation>计划于 {planned} 进行的 ASCT：请记录已实施或已取消（应于 {due} 前完成，即计划日期后 {days} 天）。</translation>
    </message>
    <message>
        <source>asct.outcome.performed</source>
        <extracomment>ASCT planned {planned}, performed {performed}.</extracomment>
        <translation>计划于 {planned} 进行的 ASCT 已于 {performed} 实施。</translation>
    </message>
    <message>
        <source>asct.outcome.withdrawn</source>
        <extracomment>ASCT planned {planned}, withdrawn {ended}.</extracomment>
        <translation>计划于 {planned} 进行的 ASCT 已于 {ended} 取消。</translation>
    </message>
    <message>
        <source>asct.outcome.no_plan</source>
        <extracomment>No transplant planned.</extracomment>
        <translation>无移植计划。</translation>
    </message>
    <message>
        <source>workup.staging.no_ndmm</source>
        <extracomment>No diagnosis of active MM recorded.</extracomment>
        <translation>无活动性 MM 诊断记录。</translation>
    </message>
    <message>
        <source>workup.staging.missing</source>
        <extracomment>Staging at diagnosis ({phase}, {diagnosis}): missing {missing} within {window_days} days of the diagnosis; due {due}.</extracomment>
        <translation>诊断时分期检查（{phase}，{diagnosis}）：诊断前后 {window_days} 天内缺少：{missing}；应于 {due} 前完成。</translation>
    </message>
    <message>
        <source>workup.staging.complete</source>
        <extracomment>Staging at diagnosis ({phase}, {diagnosis}) complete: β2-microglobulin, albumin, LDH and cytogenetics (FISH, NGS or karyotype) within {window_days} days of the diagnosis, the last on {completed}.</extracomment>
        <translation>诊断时分期检查（{phase}，{diagnosis}）已完成：β2 微球蛋白、白蛋白、LDH 和细胞遗传学（FISH、NGS 或核型分析）均在诊断前后 {window_days} 天内完成，最后一项 {completed}。</translation>
    </message>
    <message>
        <source>workup.staging.closed_complete</source>
        <extracomment>Staging at diagnosis ({phase}, {diagnosis}) was complete within {window_days} days of the diagnosis, the last on {completed}; closed on {closed}, 12 months after the diagnosis.</extracomment>
        <translation>诊断时分期检查（{phase}，{diagnosis}）已在诊断前后 {window_days} 天内完成，最后一项 {completed}；已于诊断后 12 个月（{closed}）关闭。</translation>
    </message>
    <message>
        <source>workup.staging.not_done_at_diagnosis</source>
        <extracomment>Not done at diagnosis ({phase}, {diagnosis}): {missing} not resulted within {window_days} days of the diagnosis; closed on {closed}, 12 months after the diagnosis.</extracomment>
        <translation>诊断时未完成（{phase}，{diagnosis}）：诊断前后 {window_days} 天内无以下结果：{missing}；已于诊断后 12 个月（{closed}）关闭。</translation>
    </message>
    <message>
        <source>patient.closed</source>
        <extracomment>Patient {status} since {since}: no care items.</extracomment>
        <translation>患者{status}（{since}）：不再提示随访事项。</translation>
    </message>
</context>
</TS>
