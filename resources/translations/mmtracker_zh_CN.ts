<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountHistory</name>
    <message>
        <source>account made</source>
        <translation>账户已创建</translation>
    </message>
    <message>
        <source>account changed</source>
        <translation>账户已更改</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>sign-in refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <source>wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>unknown name</source>
        <translation>未知用户名</translation>
    </message>
    <message>
        <source>account locked</source>
        <translation>账户已锁定</translation>
    </message>
    <message>
        <source>account disabled</source>
        <translation>账户已停用</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>may sign in</source>
        <translation>可以登录</translation>
    </message>
    <message>
        <source>locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>password set</source>
        <translation>已设置密码</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>AccountHistoryDialog</name>
    <message>
        <source>History of the account {name}</source>
        <translation>账户 {name} 的历史</translation>
    </message>
    <message>
        <source>{count} events, newest first</source>
        <translation>共 {count} 项记录，最新的在前</translation>
    </message>
    <message>
        <source>(the newest {most})</source>
        <translation>（最新的 {most} 项）</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>&amp;Users…</source>
        <translation>用户管理(&amp;U)…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Lock the screen ({key})</source>
        <translation>锁定屏幕(&amp;L)（{key}）</translation>
    </message>
    <message>
        <source>Create the first administrator…</source>
        <translation>创建首位管理员…</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <source>No sign-in: changes are recorded as {actor}</source>
        <translation>未登录：更改将记录为 {actor}</translation>
    </message>
    <message>
        <source>{name} is this database&apos;s administrator, and signed in.</source>
        <translation>{name} 已成为本数据库的管理员，并已登录。</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
</context>
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge / snooze care items</source>
        <translation>确认 / 暂缓提醒随访事项</translation>
    </message>
    <message>
        <source>Acknowledge one care item on {date}:</source>
        <translation>于 {date} 确认 1 项随访事项：</translation>
    </message>
    <message>
        <source>Acknowledge {count} care items on {date}:</source>
        <translation>于 {date} 确认 {count} 项随访事项：</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Care item</source>
        <translation>随访事项</translation>
    </message>
    <message>
        <source>Status and rationale</source>
        <translation>状态与依据</translation>
    </message>
    <message>
        <source>Care items to acknowledge</source>
        <translation>待确认的随访事项</translation>
    </message>
    <message>
        <source>Why the item is acknowledged (required)</source>
        <translation>确认原因（必填）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Snoozed until</source>
        <translation>暂缓提醒至</translation>
    </message>
    <message>
        <source>At most one day after the acknowledgement: {date} at the latest.</source>
        <translation>最长为确认后 1 天：最晚至 {date}。</translation>
    </message>
    <message>
        <source>At most {days} days after the acknowledgement: {date} at the latest.</source>
        <translation>最长为确认后 {days} 天：最晚至 {date}。</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Snoozed &amp;until:</source>
        <translation>暂缓提醒至(&amp;U)：</translation>
    </message>
    <message>
        <source>The item is back on the worklist on {date}, sooner if what it found changes.</source>
        <translation>该事项将于 {date} 重新出现在待办清单中；若其发现有变化，会更早出现。</translation>
    </message>
    <message>
        <source>Reason: a reason is required to acknowledge.</source>
        <translation>原因：确认时必须填写原因。</translation>
    </message>
    <message>
        <source>Discard the reason?</source>
        <translation>丢弃已填写的原因？</translation>
    </message>
    <message>
        <source>The reason you typed will be lost. Close without acknowledging?</source>
        <translation>已填写的原因将会丢失。不确认并关闭？</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>replaced by an import</source>
        <translation>被导入替换</translation>
    </message>
    <message>
        <source>made by the demo</source>
        <translation>由演示数据生成</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>summary printed</source>
        <translation>已打印就诊摘要</translation>
    </message>
    <message>
        <source>record exported</source>
        <translation>已导出病历</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Height (cm)</source>
        <translation>身高（cm）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>状态日期</translation>
    </message>
    <message>
        <source>History of changes: {patient}</source>
        <translation>更改历史：{patient}</translation>
    </message>
    <message>
        <source>{count} changes, newest first</source>
        <translation>共 {count} 项更改，最新的在前</translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <source>Delete entry: {kind}</source>
        <translation>删除记录：{kind}</translation>
    </message>
    <message>
        <source>Delete this entry of {patient}?</source>
        <translation>删除 {patient} 的这条记录？</translation>
    </message>
    <message>
        <source>Why the entry is deleted (required)</source>
        <translation>删除这条记录的原因（必填）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Nothing was deleted: the patient changed since it was shown.

{changes}</source>
        <translation>未删除任何内容：显示之后该患者的记录已被更改。

{changes}</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>New entry: {kind}</source>
        <translation>新建记录：{kind}</translation>
    </message>
    <message>
        <source>Correct entry: {kind}</source>
        <translation>更正记录：{kind}</translation>
    </message>
    <message>
        <source>Why the entry is corrected (required)</source>
        <translation>更正这条记录的原因（必填）</translation>
    </message>
    <message>
        <source>The label&apos;s dose of {agent} is {label} mg (clinical rules §5); you will be asked to confirm {dose} mg before it is saved.</source>
        <translation>{agent}的说明书剂量为 {label} mg（临床规则 §5）；保存 {dose} mg 前将请您确认。</translation>
    </message>
    <message>
        <source>Dose off the label</source>
        <translation>剂量与说明书不符</translation>
    </message>
    <message>
        <source>Save {dose} mg of {agent}? The label&apos;s dose is {label} mg (clinical rules §5).</source>
        <translation>保存 {dose} mg {agent}？说明书剂量为 {label} mg（临床规则 §5）。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>a write not in the audit</source>
        <translation>审计记录中没有的一次写入</translation>
    </message>
    <message>
        <source>The patient changed since you opened the form</source>
        <translation>打开表单之后该患者的记录已被更改</translation>
    </message>
    <message>
        <source>Nothing was saved. Since you opened this form:

{changes}

Reload the patient to see it? Your form stays open with what you typed.</source>
        <translation>未保存任何内容。打开此表单之后：

{changes}

要重新载入该患者以查看吗？表单保持打开，您输入的内容不会丢失。</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>{what} {action} by {who} at {when}</source>
        <translation>{what}：由 {who} 于 {when} {action}</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>时:分（HH:MM）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
    <message>
        <source>{error}

What is shown may be incomplete. Nothing was saved in part: every save is whole or not at all. The details are in {log}.</source>
        <translation>{error}

显示的内容可能不完整。没有任何内容被部分保存：每次保存要么全部完成，要么完全不保存。详细信息见 {log}。</translation>
    </message>
    <message>
        <source>the program&apos;s error output</source>
        <translation>程序的错误输出</translation>
    </message>
</context>
<context>
    <name>Flowsheet</name>
    <message>
        <source>(corrected {value})</source>
        <translation>（校正后 {value}）</translation>
    </message>
    <message>
        <source>(lab limits {low}–{high})</source>
        <translation>（实验室参考范围 {low}–{high}）</translation>
    </message>
    <message>
        <source>ionised calcium is never compared with the limits</source>
        <translation>离子钙不与参考范围比较</translation>
    </message>
    <message>
        <source>no reference limits recorded: not judged</source>
        <translation>未记录参考范围：未判断</translation>
    </message>
    <message>
        <source>outside the policy&apos;s default limits</source>
        <translation>超出本院策略的默认参考范围</translation>
    </message>
    <message>
        <source>outside the lab&apos;s limits</source>
        <translation>超出实验室参考范围</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation>丢弃更改？</translation>
    </message>
    <message>
        <source>What you typed in this form is not saved. Discard it?</source>
        <translation>此表单中输入的内容尚未保存。要丢弃吗？</translation>
    </message>
</context>
<context>
    <name>ItemsPanel</name>
    <message>
        <source>Acknowledge / snooze…</source>
        <translation>确认 / 暂缓提醒…</translation>
    </message>
    <message>
        <source>Acknowledge the selected care items with a reason</source>
        <translation>填写原因，确认所选随访事项</translation>
    </message>
    <message>
        <source>Show items that do not apply</source>
        <translation>显示不适用的事项</translation>
    </message>
</context>
<context>
    <name>LabPanelDialog</name>
    <message>
        <source>Lab panel</source>
        <translation>检验组合录入</translation>
    </message>
    <message>
        <source>Sample date</source>
        <translation>采样日期</translation>
    </message>
    <message>
        <source>Sample time</source>
        <translation>采样时间</translation>
    </message>
    <message>
        <source>Analyte</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Lower limit</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Sample date:</source>
        <translation>采样日期：</translation>
    </message>
    <message>
        <source>Time (optional):</source>
        <translation>时间（可不填）：</translation>
    </message>
    <message>
        <source>a limit without a value</source>
        <translation>只有界限没有数值</translation>
    </message>
    <message>
        <source>Type at least one value.</source>
        <translation>请至少输入一个数值。</translation>
    </message>
    <message>
        <source>Corrected calcium (D12): {value} mmol/L</source>
        <translation>校正血钙（D12）：{value} mmol/L</translation>
    </message>
    <message>
        <source>FLC ratio (involved/uninvolved): {ratio}</source>
        <translation>游离轻链比值（受累/未受累）：{ratio}</translation>
    </message>
    <message>
        <source>CrCl {crcl} mL/min (weight {weight} kg of {date})</source>
        <translation>CrCl {crcl} mL/min（体重 {weight} kg，{date}）</translation>
    </message>
    <message>
        <source>CrCl: record a weight to compute it (D13)</source>
        <translation>CrCl：请记录体重以便计算（D13）</translation>
    </message>
    <message>
        <source>The patient changed since you opened the panel</source>
        <translation>打开录入表之后该患者的记录已被更改</translation>
    </message>
    <message>
        <source>Nothing was saved. Since you opened this panel:

{changes}

Close the panel, read the patient again and type the values anew.</source>
        <translation>未保存任何内容。打开此录入表之后：

{changes}

请关闭录入表，重新载入该患者后再次输入数值。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>mmtracker is locked</source>
        <translation>mmtracker 已锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Sign in as this user</source>
        <translation>以此用户登录</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Someone else? Sign in (forms left open are closed)</source>
        <translation>换人使用？请登录（未关闭的表单将被关闭）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>mmtracker — DEMO — {database}</source>
        <translation>mmtracker — 演示数据库 DEMO — {database}</translation>
    </message>
    <message>
        <source>mmtracker — {database}</source>
        <translation>mmtracker — {database}</translation>
    </message>
    <message>
        <source>mmtracker — DEMO</source>
        <translation>mmtracker — 演示数据库 DEMO</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>The database could not be read: {error}</source>
        <translation>无法读取数据库：{error}</translation>
    </message>
    <message>
        <source>Updating care items</source>
        <translation>正在更新随访事项</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>待办清单(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Patients</source>
        <translation>患者(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;atient</source>
        <translation>当前患者(&amp;A)</translation>
    </message>
    <message>
        <source>{place} ({key})</source>
        <translation>{place}（{key}）</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>&amp;Export the worklist as CSV…</source>
        <translation>将待办清单导出为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import a record file…</source>
        <translation>导入病历文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Export the patient&apos;s &amp;record file…</source>
        <translation>导出患者病历文件(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Close the patient</source>
        <translation>关闭当前患者(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>SI (mmol/L, µmol/L, g/L)</source>
        <translation>国际单位（mmol/L、µmol/L、g/L）</translation>
    </message>
    <message>
        <source>Conventional (mg/dL, g/dL)</source>
        <translation>传统单位（mg/dL、g/dL）</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Open a patient, or select one in the patient list, to export its record.</source>
        <translation>请打开一位患者，或在患者列表中选中一位，再导出其病历。</translation>
    </message>
    <message>
        <source>No patient can be opened until the clinic policy file is corrected.</source>
        <translation>在修正本院随访策略文件之前，无法打开患者。</translation>
    </message>
    <message>
        <source>Updating care items: {done} of {total}</source>
        <translation>正在更新随访事项：{done}/{total}</translation>
    </message>
    <message>
        <source>The care items could not be brought up to date: {error}</source>
        <translation>随访事项未能更新：{error}</translation>
    </message>
    <message>
        <source>Policy file: {count} warning(s)</source>
        <translation>诊疗策略文件：{count} 条警告</translation>
    </message>
    <message>
        <source>The database is still being opened: try again in a moment.</source>
        <translation>数据库仍在打开中：请稍后再试。</translation>
    </message>
</context>
<context>
    <name>NewPatientDialog</name>
    <message>
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <source>Correct patient details</source>
        <translation>更正患者资料</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Height (cm)</source>
        <translation>身高（cm）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status since</source>
        <translation>状态起始日期</translation>
    </message>
    <message>
        <source>Why the details are corrected (required)</source>
        <translation>更正资料的原因（必填）</translation>
    </message>
    <message>
        <source>The first phase of the patient is asked for next (a patient without one is itself a care item).</source>
        <translation>接下来会请您填写该患者的首个病程阶段（没有病程阶段的患者本身就是一项随访事项）。</translation>
    </message>
    <message>
        <source>A status other than in care (deceased, transferred out) needs its date; the patient&apos;s care items then stop.</source>
        <translation>非随访中状态（死亡、转出）需要填写日期；之后该患者的随访事项停止。</translation>
    </message>
    <message>
        <source>The same name and date of birth</source>
        <translation>姓名和出生日期相同</translation>
    </message>
    <message>
        <source>{name}, born {born}, has the name and date of birth of the patient of MRN {mrns}. Is this another person? Save only if so: one person registered twice splits the record.</source>
        <translation>{name}（出生于 {born}）与病历号 {mrns} 的患者姓名和出生日期相同。这是另一个人吗？只有确认是另一个人时才保存：同一人登记两次会使病历分散。</translation>
    </message>
    <message>
        <source>a write</source>
        <translation>一次写入</translation>
    </message>
    <message>
        <source>The patient changed since you opened the form</source>
        <translation>打开表单后该患者的资料已被更改</translation>
    </message>
    <message>
        <source>Nothing was saved. Since you opened this form:

{changes}

Close the form and open the details again to see what is now recorded.</source>
        <translation>未保存任何内容。打开此表单后：

{changes}

请关闭表单并重新打开患者资料，查看现在的记录。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Add the user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sign-in name:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>全名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <source>This database has no users yet: anyone who starts mmtracker sees every patient, and changes are recorded as {actor}. Create its first administrator now; the administrator then gives each nurse and physician an account (File&#xa0;▸&#xa0;Users…).</source>
        <translation>本数据库尚无用户：任何启动 mmtracker 的人都能看到所有患者，更改将记录为 {actor}。请现在创建首位管理员；之后由管理员为每位护士和医师开设账户（文件&#xa0;▸&#xa0;用户管理…）。</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change the password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>Reset the password of {name}</source>
        <translation>重置 {name} 的密码</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>PatientDetails</name>
    <message>
        <source>SLiM-CRAB</source>
        <translation>SLiM-CRAB</translation>
    </message>
    <message>
        <source>Staging at diagnosis</source>
        <translation>诊断时分期</translation>
    </message>
    <message>
        <source>Not staged: no active myeloma.</source>
        <translation>未分期：无活动性骨髓瘤。</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Smoldering myeloma risk</source>
        <translation>冒烟型骨髓瘤（SMM）风险</translation>
    </message>
    <message>
        <source>Response (IMWG)</source>
        <translation>疗效（IMWG）</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Nadir</source>
        <translation>最低值</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>疗效</translation>
    </message>
    <message>
        <source>MRD</source>
        <translation>MRD</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最近一次</translation>
    </message>
    <message>
        <source>Sustained MRD negativity</source>
        <translation>持续 MRD 阴性</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Before the planned transplant</source>
        <translation>计划移植前</translation>
    </message>
    <message>
        <source>met</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>not assessable</source>
        <translation>无法评估</translation>
    </message>
    <message>
        <source>Mayo additive</source>
        <translation>Mayo 累加</translation>
    </message>
</context>
<context>
    <name>PatientEntries</name>
    <message>
        <source>Phase changes</source>
        <translation>病程阶段变更</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>检验结果</translation>
    </message>
    <message>
        <source>Cytogenetics</source>
        <translation>细胞遗传学</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>影像学检查</translation>
    </message>
    <message>
        <source>Dental checks</source>
        <translation>口腔检查</translation>
    </message>
    <message>
        <source>Bone-therapy doses</source>
        <translation>骨靶向治疗给药</translation>
    </message>
    <message>
        <source>Bone-therapy events</source>
        <translation>骨靶向治疗事件</translation>
    </message>
    <message>
        <source>Supplements</source>
        <translation>补充剂</translation>
    </message>
    <message>
        <source>MRD tests</source>
        <translation>MRD 检测</translation>
    </message>
    <message>
        <source>Treatment lines</source>
        <translation>治疗线</translation>
    </message>
    <message>
        <source>Transplants</source>
        <translation>移植</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>疗效评估</translation>
    </message>
    <message>
        <source>Clinical events</source>
        <translation>临床事件</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>就诊</translation>
    </message>
    <message>
        <source>Acknowledgements</source>
        <translation>确认记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>病程阶段</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>线数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>体重（kg）</translation>
    </message>
    <message>
        <source>Analyte</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Lower limit</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Calcium kind</source>
        <translation>血钙类型</translation>
    </message>
    <message>
        <source>Isotype</source>
        <translation>同型</translation>
    </message>
    <message>
        <source>Light chain</source>
        <translation>轻链</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>检查方式</translation>
    </message>
    <message>
        <source>Lytic lesions</source>
        <translation>溶骨性骨质破坏</translation>
    </message>
    <message>
        <source>MRI focal lesions</source>
        <translation>MRI 局灶性病变</translation>
    </message>
    <message>
        <source>FDG-avid</source>
        <translation>FDG 摄取</translation>
    </message>
    <message>
        <source>Plasmacytoma</source>
        <translation>浆细胞瘤</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Invasive procedure</source>
        <translation>有创操作</translation>
    </message>
    <message>
        <source>Procedure date</source>
        <translation>操作日期</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Dose (mg)</source>
        <translation>剂量（mg）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Interval (days)</source>
        <translation>间隔（天）</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Resume on</source>
        <translation>恢复日期</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Calcium (mg)</source>
        <translation>钙（mg）</translation>
    </message>
    <message>
        <source>Vitamin D (IU)</source>
        <translation>维生素 D（IU）</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>灵敏度</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>治疗目的</translation>
    </message>
    <message>
        <source>Drugs</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Performed</source>
        <translation>实施日期</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>取消日期</translation>
    </message>
    <message>
        <source>Melphalan (mg/m²)</source>
        <translation>美法仑（mg/m²）</translation>
    </message>
    <message>
        <source>Mucositis grade</source>
        <translation>黏膜炎分级</translation>
    </message>
    <message>
        <source>Mucositis scale</source>
        <translation>黏膜炎量表</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>ECOG</source>
        <translation>ECOG</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>疼痛</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次就诊</translation>
    </message>
    <message>
        <source>Care item</source>
        <translation>随访事项</translation>
    </message>
    <message>
        <source>Acknowledged on</source>
        <translation>确认日期</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>&amp;New entry…</source>
        <translation>新建记录(&amp;N)…</translation>
    </message>
    <message>
        <source>Add an entry of this kind (Ctrl+N)</source>
        <translation>新增此类记录（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Lab panel…</source>
        <translation>检验组合录入(&amp;L)…</translation>
    </message>
    <message>
        <source>Many lab results of one sample (Ctrl+L)</source>
        <translation>同一采样的多项检验结果（Ctrl+L）</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>更正(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;History of changes…</source>
        <translation>更改历史(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Patient details…</source>
        <translation>患者资料(&amp;P)…</translation>
    </message>
    <message>
        <source>Correct the MRN, name, sex, date of birth, height or status</source>
        <translation>更正病历号、姓名、性别、出生日期、身高或状态</translation>
    </message>
</context>
<context>
    <name>PatientFigures</name>
    <message>
        <source>Serum M-protein</source>
        <translation>血清 M 蛋白</translation>
    </message>
    <message>
        <source>Urine M-protein</source>
        <translation>尿 M 蛋白</translation>
    </message>
    <message>
        <source>FLC</source>
        <translation>FLC</translation>
    </message>
    <message>
        <source>FLC ratio</source>
        <translation>FLC 比值</translation>
    </message>
    <message>
        <source>Hemoglobin</source>
        <translation>血红蛋白</translation>
    </message>
    <message>
        <source>Calcium</source>
        <translation>血钙</translation>
    </message>
    <message>
        <source>Creatinine</source>
        <translation>肌酐</translation>
    </message>
    <message>
        <source>CrCl</source>
        <translation>CrCl</translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <source>Age · sex · born</source>
        <translation>年龄 · 性别 · 出生日期</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>病程阶段</translation>
    </message>
    <message>
        <source>Stage at diagnosis</source>
        <translation>诊断时分期</translation>
    </message>
    <message>
        <source>Creatinine clearance</source>
        <translation>肌酐清除率（CrCl）</translation>
    </message>
    <message>
        <source>Bone-targeted therapy</source>
        <translation>骨靶向治疗</translation>
    </message>
    <message>
        <source>Reading the patient…</source>
        <translation>正在读取患者…</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>疗效</translation>
    </message>
    <message>
        <source>{age} years · {sex} · {born}</source>
        <translation>{age} 岁 · {sex} · {born}</translation>
    </message>
    <message>
        <source>SMM risk</source>
        <translation>SMM 风险</translation>
    </message>
    <message>
        <source>Current response (IMWG)</source>
        <translation>当前疗效（IMWG）</translation>
    </message>
    <message>
        <source>{phase} since {date}</source>
        <translation>{phase}（自 {date} 起）</translation>
    </message>
    <message>
        <source>ISS {iss} · R-ISS {r_iss} · R2-ISS {r2} · Mayo additive {mayo}</source>
        <translation>ISS {iss} · R-ISS {r_iss} · R2-ISS {r2} · Mayo 累加 {mayo}</translation>
    </message>
    <message>
        <source>Mayo 2018: {mayo} · IMWG 2020: {imwg} (score {score})</source>
        <translation>Mayo 2018：{mayo} · IMWG 2020：{imwg}（评分 {score}）</translation>
    </message>
    <message>
        <source>as recorded</source>
        <translation>医生记录</translation>
    </message>
    <message>
        <source>computed from the labs</source>
        <translation>按检验结果计算</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>{category} on {date} ({source}, {state})</source>
        <translation>{category}（{date}；{source}，{state}）</translation>
    </message>
    <message>
        <source>{crcl} (no weight recorded; creatinine {creatinine}, {date})</source>
        <translation>{crcl}（未记录体重；肌酐 {creatinine}，{date}）</translation>
    </message>
    <message>
        <source>{crcl} mL/min (creatinine {creatinine}, {date}; weight {weight} kg, {weight_date})</source>
        <translation>{crcl} mL/min（肌酐 {creatinine}，{date}；体重 {weight} kg，{weight_date}）</translation>
    </message>
    <message>
        <source>{kind} on {date}</source>
        <translation>{kind}（{date}）</translation>
    </message>
    <message>
        <source>{agent}, last dose {dose} mg on {date}</source>
        <translation>{agent}，末次给药 {dose} mg（{date}）</translation>
    </message>
    <message>
        <source>{dose}; stopped on {date}</source>
        <translation>{dose}；已于 {date} 停用</translation>
    </message>
    <message>
        <source>{dose}; on hold since {date}, resuming {resume}</source>
        <translation>{dose}；自 {date} 暂停，预计 {resume} 恢复</translation>
    </message>
    <message>
        <source>{dose}; next due {date}</source>
        <translation>{dose}；下次应用 {date}</translation>
    </message>
</context>
<context>
    <name>PatientItems</name>
    <message>
        <source>until {date}</source>
        <translation>至 {date}</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>自 {date} 起</translation>
    </message>
    <message>
        <source>due {date} ({days} days overdue)</source>
        <translation>{date} 到期（逾期 {days} 天）</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>依据来源：{source}</translation>
    </message>
    <message>
        <source>Last satisfied by: {kind} of {date}</source>
        <translation>最近一次满足：{date} 的{kind}</translation>
    </message>
    <message>
        <source>Care item</source>
        <translation>随访事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due / since</source>
        <translation>到期 / 起始日期</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>依据</translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>病程阶段</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>末次就诊</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次就诊</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维持治疗</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>复发</translation>
    </message>
    <message>
        <source>Deceased on {date}</source>
        <translation>已故（{date}）</translation>
    </message>
    <message>
        <source>Transferred out on {date}</source>
        <translation>已转出（{date}）</translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>0 points</source>
        <translation>0 分</translation>
    </message>
    <message>
        <source>1 point</source>
        <translation>1 分</translation>
    </message>
    <message>
        <source>≥2 points</source>
        <translation>≥2 分</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Visit summary — {patient}</source>
        <translation>就诊摘要 — {patient}</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>The patient could not be read: {error}</source>
        <translation>无法读取该患者：{error}</translation>
    </message>
    <message>
        <source>Care items</source>
        <translation>随访事项</translation>
    </message>
    <message>
        <source>Lab trends</source>
        <translation>检验趋势</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Assessment details</source>
        <translation>评估详情</translation>
    </message>
    <message>
        <source>Lab flowsheet</source>
        <translation>检验流程表</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Print visit summary…</source>
        <translation>打印就诊摘要…</translation>
    </message>
    <message>
        <source>Preview the visit summary as of today, then print or save it ({key})</source>
        <translation>预览截至今天的就诊摘要，然后打印或保存（{key}）</translation>
    </message>
</context>
<context>
    <name>PatientsScreen</name>
    <message>
        <source>Search by MRN or name</source>
        <translation>按病历号或姓名搜索</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>新建患者(&amp;N)…</translation>
    </message>
    <message>
        <source>Register a patient (Ctrl+N)</source>
        <translation>登记新患者（Ctrl+N）</translation>
    </message>
    <message>
        <source>Patient list</source>
        <translation>患者列表</translation>
    </message>
    <message>
        <source>Patients: {count}</source>
        <translation>患者：{count} 例</translation>
    </message>
    <message>
        <source>Patients: {shown} of {count}</source>
        <translation>患者：{shown} 例（共 {count} 例）</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>The document could not be made</source>
        <translation>无法生成文档</translation>
    </message>
    <message>
        <source>The document could not be read for printing.</source>
        <translation>无法读取文档以供打印。</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>The printer refused a new page.</source>
        <translation>打印机拒绝了新的一页。</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Pages: {count}</source>
        <translation>页数：{count}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Printing page {page} of {count}…</source>
        <translation>正在打印第 {page} 页，共 {count} 页…</translation>
    </message>
    <message>
        <source>The document could not be printed</source>
        <translation>无法打印文档</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>保存文档</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The document could not be saved</source>
        <translation>无法保存文档</translation>
    </message>
    <message>
        <source>{path} could not be written: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>{value} is outside the accepted range {range}</source>
        <translation>{value} 超出允许范围 {range}</translation>
    </message>
    <message>
        <source>{date} is in the future (today is {today})</source>
        <translation>{date} 是将来的日期（今天是 {today}）</translation>
    </message>
    <message>
        <source>{date} is before the date of birth {born}</source>
        <translation>{date} 早于出生日期 {born}</translation>
    </message>
    <message>
        <source>{date} is more than 2 years ahead; the accepted range is up to {latest} (today is {today})</source>
        <translation>{date} 超过 2 年之后；允许最晚至 {latest}（今天是 {today}）</translation>
    </message>
    <message>
        <source>is required: a date YYYY-MM-DD</source>
        <translation>必填：日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>is required: a number</source>
        <translation>必填：数值</translation>
    </message>
    <message>
        <source>is required: a whole number</source>
        <translation>必填：整数</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>is required: say why</source>
        <translation>必填：请说明原因</translation>
    </message>
    <message>
        <source>is required: choose one</source>
        <translation>必填：请选择一项</translation>
    </message>
    <message>
        <source>must be a date YYYY-MM-DD, not {value}</source>
        <translation>应为日期 YYYY-MM-DD，而不是 {value}</translation>
    </message>
    <message>
        <source>must be a number, not {value}</source>
        <translation>应为数值，而不是 {value}</translation>
    </message>
    <message>
        <source>must be a whole number, not {value}</source>
        <translation>应为整数，而不是 {value}</translation>
    </message>
    <message>
        <source>must be after the visit date {date}</source>
        <translation>应晚于就诊日期 {date}</translation>
    </message>
    <message>
        <source>must be after the hold date {date}</source>
        <translation>应晚于暂停日期 {date}</translation>
    </message>
    <message>
        <source>must be 1–{most} characters</source>
        <translation>应为 1–{most} 个字符</translation>
    </message>
    <message>
        <source>{mrn} is already the MRN of another patient</source>
        <translation>{mrn} 已是另一位患者的病历号</translation>
    </message>
    <message>
        <source>{mrn} is the MRN {other} of {name}, written otherwise</source>
        <translation>{mrn} 与 {name} 的病历号 {other} 是同一病历号（写法不同）</translation>
    </message>
    <message>
        <source>is required for this analyte</source>
        <translation>此检验项目必须填写数值</translation>
    </message>
    <message>
        <source>must be above the lower limit</source>
        <translation>应高于下限</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>{before} → {after} on {date} is not allowed; after {phase} comes {allowed}</source>
        <translation>{date} 的 {before} → {after} 不被允许；{phase} 之后只能是 {allowed}</translation>
    </message>
    <message>
        <source>RELAPSE on {date} must have a later line than {line}</source>
        <translation>{date} 的复发（RELAPSE）必须是晚于第 {line} 线的治疗线</translation>
    </message>
    <message>
        <source>is required for RELAPSE: line 2 or later</source>
        <translation>复发（RELAPSE）时必填：第 2 线或之后</translation>
    </message>
    <message>
        <source>is only for RELAPSE</source>
        <translation>仅用于复发（RELAPSE）</translation>
    </message>
    <message>
        <source>two phase changes on {date}; one per day</source>
        <translation>{date} 有两条病程阶段变更；每天只能一条</translation>
    </message>
    <message>
        <source>must be a time of day HH:MM (00:00 to 23:59), not {value}</source>
        <translation>应为时间 HH:MM（00:00 至 23:59），而不是 {value}</translation>
    </message>
    <message>
        <source>{date} is in the future</source>
        <translation>{date} 是将来的日期</translation>
    </message>
    <message>
        <source>{date} is before {earliest}, the earliest accepted</source>
        <translation>{date} 早于允许的最早日期 {earliest}</translation>
    </message>
    <message>
        <source>must be empty while the patient is active</source>
        <translation>患者状态为在治时应留空</translation>
    </message>
    <message>
        <source>is required when the patient is {status}</source>
        <translation>患者状态为 {status} 时必填</translation>
    </message>
    <message>
        <source>is longer than {most} characters</source>
        <translation>超过 {most} 个字符</translation>
    </message>
    <message>
        <source>is required: positive or negative</source>
        <translation>必填：阳性或阴性</translation>
    </message>
    <message>
        <source>must be empty for an immunofixation result</source>
        <translation>免疫固定电泳结果应留空</translation>
    </message>
    <message>
        <source>is required for calcium: total, adjusted or ionised</source>
        <translation>血钙必填：总钙、校正血钙或离子钙</translation>
    </message>
    <message>
        <source>is only for calcium</source>
        <translation>仅用于血钙</translation>
    </message>
    <message>
        <source>is only for M-protein and immunofixation results</source>
        <translation>仅用于 M 蛋白和免疫固定电泳结果</translation>
    </message>
    <message>
        <source>is only for immunofixation results</source>
        <translation>仅用于免疫固定电泳结果</translation>
    </message>
    <message>
        <source>must be one of the analyte&apos;s units: {units}</source>
        <translation>应为该检验项目的单位之一：{units}</translation>
    </message>
    <message>
        <source>needs del(17p) found (yes)</source>
        <translation>需先填写 del(17p) 为“是”</translation>
    </message>
    <message>
        <source>must be empty without a procedure</source>
        <translation>无操作时应留空</translation>
    </message>
    <message>
        <source>is required when a procedure is planned or done</source>
        <translation>计划或已行操作时必填</translation>
    </message>
    <message>
        <source>a procedure marked done cannot be dated after the exam that records it</source>
        <translation>已完成的操作日期不能晚于记录它的口腔检查</translation>
    </message>
    <message>
        <source>a schedule needs an agent and an interval in days</source>
        <translation>给药计划需要药物和间隔天数</translation>
    </message>
    <message>
        <source>is required for a review: continue, de-escalate or stop</source>
        <translation>评估时必填：继续、降阶梯或停用</translation>
    </message>
    <message>
        <source>is only for a hold</source>
        <translation>仅用于暂停</translation>
    </message>
    <message>
        <source>must be on or after the start date {date}</source>
        <translation>应不早于开始日期 {date}</translation>
    </message>
    <message>
        <source>must be on or after {date}</source>
        <translation>应不早于 {date}</translation>
    </message>
    <message>
        <source>must be a fraction above 0 and below 1, e.g. 1e-05 for 10⁻⁵</source>
        <translation>应为大于 0 且小于 1 的小数，例如 10⁻⁵ 写作 1e-05</translation>
    </message>
    <message>
        <source>a transplant needs a planned or a performed date</source>
        <translation>移植需要计划日期或实施日期</translation>
    </message>
    <message>
        <source>a performed transplant cannot be withdrawn</source>
        <translation>已实施的移植不能撤销</translation>
    </message>
    <message>
        <source>needs the planned date of the plan given up</source>
        <translation>需要所撤销计划的计划日期</translation>
    </message>
    <message>
        <source>is required with a grade: WHO or CTCAE v5</source>
        <translation>填写分级时必填：WHO 或 CTCAE v5</translation>
    </message>
    <message>
        <source>needs a performed transplant</source>
        <translation>仅用于已实施的移植</translation>
    </message>
    <message>
        <source>holds the invisible or control character {code}</source>
        <translation>含有不可见或控制字符 {code}</translation>
    </message>
    <message>
        <source>must be a whole number of at most {most}</source>
        <translation>应为不超过 {most} 的整数</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>应为有限的数值</translation>
    </message>
    <message>
        <source>has more than {most} items</source>
        <translation>超过 {most} 项</translation>
    </message>
</context>
<context>
    <name>RecordFiles</name>
    <message>
        <source>Import a record file</source>
        <translation>导入病历文件</translation>
    </message>
    <message>
        <source>Record files (*.json)</source>
        <translation>病历文件 (*.json)</translation>
    </message>
    <message>
        <source>Record imported</source>
        <translation>病历已导入</translation>
    </message>
    <message>
        <source>The record of {mrn} was imported from {file}.</source>
        <translation>已从 {file} 导入 {mrn} 的病历。</translation>
    </message>
    <message>
        <source>The patient of MRN {mrns} has the same name and date of birth: check they are not one person registered twice.</source>
        <translation>病历号 {mrns} 的患者姓名和出生日期相同：请核实不是同一人登记了两次。</translation>
    </message>
    <message>
        <source>Replace the patient&apos;s record?</source>
        <translation>替换该患者的病历？</translation>
    </message>
    <message>
        <source>The database holds a patient with the MRN {mrn} already. Replace its whole record with the file&apos;s? The audit keeps what it was.</source>
        <translation>数据库中已有病历号为 {mrn} 的患者。要用文件中的病历替换其全部病历吗？审计记录会保留原有内容。</translation>
    </message>
    <message>
        <source>Record not imported</source>
        <translation>病历未导入</translation>
    </message>
    <message>
        <source>Nothing was imported from {file}:</source>
        <translation>未从 {file} 导入任何内容：</translation>
    </message>
    <message>
        <source>no revision</source>
        <translation>无修订号</translation>
    </message>
    <message>
        <source>revision {n}</source>
        <translation>修订号 {n}</translation>
    </message>
    <message>
        <source>The record changed after this file</source>
        <translation>该文件导出后病历已有更改</translation>
    </message>
    <message>
        <source>The database holds revision {held} of the record of {mrn}, newer than the file&apos;s ({filed}): replacing it undoes every change made since. Export the record again to keep them.

To replace it anyway, say why (kept by the audit):</source>
        <translation>数据库中 {mrn} 的病历为修订号 {held}，比文件中的（{filed}）更新：替换将撤销此后的所有更改。如需保留这些更改，请重新导出病历。

如仍要替换，请说明原因（审计记录会保留）：</translation>
    </message>
    <message>
        <source>Export the record of {mrn}</source>
        <translation>导出 {mrn} 的病历</translation>
    </message>
    <message>
        <source>Record exported</source>
        <translation>病历已导出</translation>
    </message>
    <message>
        <source>The record was written to {file}.</source>
        <translation>病历已写入 {file}。</translation>
    </message>
    <message>
        <source>Record not exported</source>
        <translation>病历未导出</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message>
        <source>mmtracker — locked</source>
        <translation>mmtracker — 已锁定</translation>
    </message>
    <message>
        <source>Signed in: {name} ({user})</source>
        <translation>已登录：{name}（{user}）</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>Forms closed</source>
        <translation>表单已关闭</translation>
    </message>
    <message>
        <source>{count} form(s) the previous user left open were closed without saving.</source>
        <translation>上一位用户未关闭的 {count} 个表单已关闭，未保存。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Connected: schema {schema} (this version&apos;s is {head}), one patient</source>
        <translation>已连接：数据库结构 {schema}（本版本为 {head}），1 位患者</translation>
    </message>
    <message>
        <source>Connected: schema {schema} (this version&apos;s is {head}), {count} patients</source>
        <translation>已连接：数据库结构 {schema}（本版本为 {head}），共 {count} 位患者</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>SI (mmol/L, µmol/L, g/L)</source>
        <translation>国际单位（mmol/L、µmol/L、g/L）</translation>
    </message>
    <message>
        <source>Conventional (mg/dL, g/dL)</source>
        <translation>传统单位（mg/dL、g/dL）</translation>
    </message>
    <message>
        <source>As printed at the head of summaries</source>
        <translation>打印在小结页眉处的名称</translation>
    </message>
    <message>
        <source>Empty: this user&apos;s own database</source>
        <translation>留空：使用本用户自己的数据库</translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Units:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Clinic name:</source>
        <translation>诊所名称(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Database (URL):</source>
        <translation>数据库（URL）(&amp;D)：</translation>
    </message>
    <message>
        <source>A new database is used from the next start.</source>
        <translation>新的数据库将在下次启动时使用。</translation>
    </message>
    <message>
        <source>Care policy in force: the shipped values, with the clinic file {file}</source>
        <translation>生效的随访策略：内置数值，并应用诊所文件 {file}</translation>
    </message>
    <message>
        <source>Care policy in force: the shipped values (no clinic file {file})</source>
        <translation>生效的随访策略：内置数值（无诊所文件 {file}）</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>生效值</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>允许范围</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>the clinic file</source>
        <translation>诊所文件</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>The database URL holds a password, which the settings file must not keep. Take it out of the URL and keep it in ~/.pgpass (mode 0600) or in the system keyring (mmtracker db password).</source>
        <translation>数据库 URL 中含有密码，设置文件不得保存密码。请将密码从 URL 中删除，改存于 ~/.pgpass（权限 0600）或系统密钥环（mmtracker db password）。</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>The name or the password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>The account {name} is locked after {count} wrong passwords until {time}: try again then, or ask an administrator to lift the lock-out.</source>
        <translation>账户 {name} 因密码错误 {count} 次已被锁定，直至 {time}：届时再试，或请管理员解除锁定。</translation>
    </message>
    <message>
        <source>The account {name} is locked after {count} wrong passwords for {minutes} minutes: try again then, or ask an administrator to lift the lock-out.</source>
        <translation>账户 {name} 因密码错误 {count} 次已被锁定 {minutes} 分钟：届时再试，或请管理员解除锁定。</translation>
    </message>
    <message>
        <source>This account is disabled: ask an administrator.</source>
        <translation>此账户已停用：请联系管理员。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to mmtracker</source>
        <translation>登录 mmtracker</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Database: {database}</source>
        <translation>数据库：{database}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
</context>
<context>
    <name>Statuses</name>
    <message>
        <source>Alert (urgent)</source>
        <translation>警示（紧急）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Alert (info)</source>
        <translation>警示（提示）</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>暂缓提醒</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>无待办</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Snoozed until {until} by {who} on {on}: {reason}</source>
        <translation>暂缓提醒至 {until}，由 {who} 于 {on} 设置，原因：{reason}</translation>
    </message>
</context>
<context>
    <name>TrailDialog</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>正在读取历史…</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>The password needs at least {least} characters.</source>
        <translation>密码至少需要 {least} 个字符。</translation>
    </message>
    <message>
        <source>The password may have at most {most} characters.</source>
        <translation>密码最多 {most} 个字符。</translation>
    </message>
    <message>
        <source>The sign-in name takes 1–64 characters: letters a–z, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or a digit.</source>
        <translation>登录名为 1–64 个字符：字母 a–z、数字、“.”、“_”或“-”，须以字母或数字开头。</translation>
    </message>
    <message>
        <source>{name} is already a user of this database.</source>
        <translation>{name} 已是本数据库的用户。</translation>
    </message>
    <message>
        <source>The full name takes 1–200 characters.</source>
        <translation>全名为 1–200 个字符。</translation>
    </message>
    <message>
        <source>{name} is the last active administrator: make another user an administrator first.</source>
        <translation>{name} 是最后一位在用的管理员：请先将另一位用户设为管理员。</translation>
    </message>
    <message>
        <source>An administrator does not disable their own account.</source>
        <translation>管理员不能停用自己的账户。</translation>
    </message>
    <message>
        <source>The current password is not the right one.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>Only an administrator may do this; {name} is signed in as {role}.</source>
        <translation>只有管理员可以执行此操作；{name} 当前的角色是{role}。</translation>
    </message>
    <message>
        <source>This needs the role {needed}; {name} is signed in as {role}.</source>
        <translation>此操作需要{needed}角色；{name} 当前的角色是{role}。</translation>
    </message>
    <message>
        <source>Only a physician may do this: a nurse corrects or deletes only what she entered herself today.</source>
        <translation>只有医师可以执行此操作：护士只能更正或删除自己当天录入的内容。</translation>
    </message>
    <message>
        <source>{name} is not an active user of this database: sign in as one of its users.</source>
        <translation>{name} 不是本数据库的在用用户：请以本数据库的用户登录。</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>Sign-in name: letters a–z, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or a digit.</source>
        <translation>登录名：字母 a–z、数字、“.”、“_”或“-”，须以字母或数字开头。</translation>
    </message>
    <message>
        <source>Password: at least {least} characters; a phrase of several words is easiest to remember.</source>
        <translation>密码：至少 {least} 个字符；由几个词组成的短语最容易记住。</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <source>Physician</source>
        <translation>医师</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Sign-in name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add a user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Change the role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <source>Change the full name…</source>
        <translation>更改全名…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Lift the lock-out</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <source>Reset the password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Lock the screen after (minutes idle):</source>
        <translation>空闲多少分钟后锁定屏幕：</translation>
    </message>
    <message>
        <source>Shortest password (characters):</source>
        <translation>密码最短长度（字符）：</translation>
    </message>
    <message>
        <source>Failed sign-ins that lock an account:</source>
        <translation>登录失败多少次后锁定账户：</translation>
    </message>
    <message>
        <source>Minutes an account stays locked:</source>
        <translation>账户锁定时长（分钟）：</translation>
    </message>
    <message>
        <source>Security settings of this database</source>
        <translation>本数据库的安全设置</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>An administrator does not disable their own account.</source>
        <translation>管理员不能停用自己的账户。</translation>
    </message>
    <message>
        <source>{name} was added.</source>
        <translation>已添加 {name}。</translation>
    </message>
    <message>
        <source>Change the role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Role of {name}:</source>
        <translation>{name} 的角色：</translation>
    </message>
    <message>
        <source>Change the full name</source>
        <translation>更改全名</translation>
    </message>
    <message>
        <source>Full name of {name}:</source>
        <translation>{name} 的全名：</translation>
    </message>
    <message>
        <source>The password of {name} was changed.</source>
        <translation>{name} 的密码已修改。</translation>
    </message>
    <message>
        <source>{name} was changed.</source>
        <translation>已更改 {name}。</translation>
    </message>
    <message>
        <source>The security settings are as stored: nothing to save.</source>
        <translation>安全设置与已保存的相同：无需保存。</translation>
    </message>
    <message>
        <source>The security settings were saved.</source>
        <translation>安全设置已保存。</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
</context>
<context>
    <name>VisitSummary</name>
    <message>
        <source>Visit summary</source>
        <translation>就诊摘要</translation>
    </message>
    <message>
        <source>{name} · MRN {mrn} · born {born}</source>
        <translation>{name} · 病历号 {mrn} · 出生日期 {born}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>{phase} since {date}</source>
        <translation>{phase}，自 {date} 起</translation>
    </message>
    <message>
        <source>(line {number})</source>
        <translation>（第 {number} 线）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Born, age, sex</source>
        <translation>出生日期、年龄、性别</translation>
    </message>
    <message>
        <source>{born} · {age} years · {sex}</source>
        <translation>{born} · {age} 岁 · {sex}</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>病程阶段</translation>
    </message>
    <message>
        <source>Phase timeline</source>
        <translation>病程阶段时间轴</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Stage at diagnosis</source>
        <translation>诊断时分期</translation>
    </message>
    <message>
        <source>not staged: no active myeloma</source>
        <translation>未分期：无活动性骨髓瘤</translation>
    </message>
    <message>
        <source>Confidential patient information. Check it against the record before acting.</source>
        <translation>机密患者信息。据此处理前请与病历核对。</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>SMM risk</source>
        <translation>SMM 风险</translation>
    </message>
    <message>
        <source>as recorded</source>
        <translation>按记录</translation>
    </message>
    <message>
        <source>computed from the labs</source>
        <translation>由检验结果计算</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>{category} on {date} ({source}, {state})</source>
        <translation>{category}，{date}（{source}，{state}）</translation>
    </message>
    <message>
        <source>Stage, risk and response</source>
        <translation>分期、风险与疗效</translation>
    </message>
    <message>
        <source>Care items to act on</source>
        <translation>需处理的随访事项</translation>
    </message>
    <message>
        <source>None: nothing is due, overdue or alerting.</source>
        <translation>无：没有即将到期、已逾期或警示的事项。</translation>
    </message>
    <message>
        <source>Care item</source>
        <translation>随访事项</translation>
    </message>
    <message>
        <source>Due / since</source>
        <translation>到期日 / 起始</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>(corrected {value})</source>
        <translation>（校正 {value}）</translation>
    </message>
    <message>
        <source>(ionised)</source>
        <translation>（离子钙）</translation>
    </message>
    <message>
        <source>Latest laboratory values</source>
        <translation>最近检验结果</translation>
    </message>
    <message>
        <source>No laboratory values recorded.</source>
        <translation>未记录检验结果。</translation>
    </message>
    <message>
        <source>Analyte</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最近值</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reference limits</source>
        <translation>参考范围</translation>
    </message>
    <message>
        <source>Change since the previous</source>
        <translation>较前次变化</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>不作判断</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>first value</source>
        <translation>首次结果</translation>
    </message>
    <message>
        <source>{change} since {date}</source>
        <translation>较 {date} {change}</translation>
    </message>
    <message>
        <source>Laboratory trends</source>
        <translation>检验趋势</translation>
    </message>
    <message>
        <source>{agent}, last dose {dose} mg on {date}</source>
        <translation>{agent}，末次给药 {dose} mg（{date}）</translation>
    </message>
    <message>
        <source>stopped on {date}</source>
        <translation>已于 {date} 停用</translation>
    </message>
    <message>
        <source>on hold; resuming {date}</source>
        <translation>暂停中；预计 {date} 恢复</translation>
    </message>
    <message>
        <source>Bone-targeted therapy</source>
        <translation>骨靶向治疗</translation>
    </message>
    <message>
        <source>Next dose due</source>
        <translation>下次给药日期</translation>
    </message>
    <message>
        <source>Last dental check</source>
        <translation>最近口腔检查</translation>
    </message>
    <message>
        <source>Calcium</source>
        <translation>血钙</translation>
    </message>
    <message>
        <source>25-OH vitamin D</source>
        <translation>25-羟维生素 D</translation>
    </message>
    <message>
        <source>Calcium and vitamin D supplements</source>
        <translation>钙剂和维生素 D 补充</translation>
    </message>
    <message>
        <source>Bone health</source>
        <translation>骨骼健康</translation>
    </message>
    <message>
        <source>no creatinine recorded</source>
        <translation>未记录肌酐</translation>
    </message>
    <message>
        <source>Current response ({criteria})</source>
        <translation>当前疗效（{criteria}）</translation>
    </message>
    <message>
        <source>↑ above, ↓ below the limits: the lab&apos;s own, else the policy&apos;s defaults (hemoglobin, calcium, LDH; D17). A value with neither is not judged.</source>
        <translation>↑ 高于、↓ 低于参考范围：采用检验科自己的参考范围，否则采用策略默认值（血红蛋白、血钙、LDH；D17）。两者皆无的数值不作判断。</translation>
    </message>
    <message>
        <source>FLC ratio (involved {chain})</source>
        <translation>游离轻链比值（受累 {chain}）</translation>
    </message>
    <message>
        <source>{date}: overdue by {days} days</source>
        <translation>{date}：已逾期 {days} 天</translation>
    </message>
    <message>
        <source>Creatinine clearance</source>
        <translation>肌酐清除率</translation>
    </message>
    <message>
        <source>record a weight to compute it (creatinine of {date})</source>
        <translation>请记录体重以计算（肌酐 {date}）</translation>
    </message>
    <message>
        <source>{crcl} mL/min (creatinine of {date}, weight {weight} kg of {weighed})</source>
        <translation>{crcl} mL/min（肌酐 {date}，体重 {weight} kg，{weighed}）</translation>
    </message>
    <message>
        <source>{procedure} procedure {date}</source>
        <translation>有创操作（{procedure}）{date}</translation>
    </message>
    <message>
        <source>none recorded as taken now</source>
        <translation>未记录目前在服用</translation>
    </message>
    <message>
        <source>calcium {calcium} mg, vitamin D {vitamin_d} IU daily since {date}</source>
        <translation>自 {date} 起每日钙 {calcium} mg、维生素 D {vitamin_d} IU</translation>
    </message>
    <message>
        <source>Imaging and clinical events</source>
        <translation>影像学检查与临床事件</translation>
    </message>
    <message>
        <source>No imaging or clinical event recorded.</source>
        <translation>未记录影像学检查或临床事件。</translation>
    </message>
    <message>
        <source>lytic lesions: {count}</source>
        <translation>溶骨性骨质破坏：{count}</translation>
    </message>
    <message>
        <source>MRI focal lesions: {count}</source>
        <translation>MRI 局灶性病变：{count}</translation>
    </message>
    <message>
        <source>FDG-avid</source>
        <translation>FDG 摄取阳性</translation>
    </message>
    <message>
        <source>plasmacytoma</source>
        <translation>浆细胞瘤</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>所见</translation>
    </message>
    <message>
        <source>Minimal residual disease (MRD)</source>
        <translation>微小残留病（MRD）</translation>
    </message>
    <message>
        <source>No MRD test recorded.</source>
        <translation>未记录 MRD 检测。</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>灵敏度</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Sustained MRD negativity: {answer}</source>
        <translation>持续 MRD 阴性：{answer}</translation>
    </message>
    <message>
        <source>Treatment lines and transplants</source>
        <translation>治疗线与移植</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>线数</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Drugs</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>No treatment line recorded.</source>
        <translation>未记录治疗线。</translation>
    </message>
    <message>
        <source>Transplants</source>
        <translation>移植</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Performed</source>
        <translation>实施日期</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>撤销日期</translation>
    </message>
    <message>
        <source>Melphalan (mg/m²)</source>
        <translation>美法仑（mg/m²）</translation>
    </message>
    <message>
        <source>Mucositis</source>
        <translation>黏膜炎</translation>
    </message>
    <message>
        <source>Visit note</source>
        <translation>就诊记录</translation>
    </message>
    <message>
        <source>No visit recorded.</source>
        <translation>未记录就诊。</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>就诊</translation>
    </message>
    <message>
        <source>Pain (0–10)</source>
        <translation>疼痛（0–10）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次就诊</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>病程阶段</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>随访事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due / since</source>
        <translation>到期日 / 起始日</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维持治疗</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>复发</translation>
    </message>
    <message>
        <source>Snoozed until {date}</source>
        <translation>暂缓提醒至 {date}</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>自 {date} 起</translation>
    </message>
    <message>
        <source>Beneath the snooze: {status}</source>
        <translation>暂缓提醒前状态：{status}</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>出处：{source}</translation>
    </message>
</context>
<context>
    <name>WorklistPdf</name>
    <message>
        <source>Worklist</source>
        <translation>待办清单</translation>
    </message>
    <message>
        <source>{items} items of {patients} patients · {filters}</source>
        <translation>{patients} 位患者共 {items} 项 · {filters}</translation>
    </message>
    <message>
        <source>Confidential: patient information. Tick each item once done, and record it in mmtracker.</source>
        <translation>机密：患者信息。每项完成后请打勾，并在 mmtracker 中记录。</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Nothing to show for these filters.</source>
        <translation>按这些筛选条件没有可显示的事项。</translation>
    </message>
</context>
<context>
    <name>WorklistScreen</name>
    <message>
        <source>Search patient, MRN, item or rationale</source>
        <translation>搜索患者、病历号、随访事项或依据</translation>
    </message>
    <message>
        <source>Search the worklist</source>
        <translation>搜索待办清单</translation>
    </message>
    <message>
        <source>Due within (days):</source>
        <translation>到期范围（天）：</translation>
    </message>
    <message>
        <source>Items due within this many days are listed as due soon</source>
        <translation>在此天数内到期的事项列为即将到期</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>待办清单</translation>
    </message>
    <message>
        <source>Acknowledge / snooze…</source>
        <translation>确认 / 暂缓提醒…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Print list…</source>
        <translation>打印清单…</translation>
    </message>
    <message>
        <source>Preview the items shown, then print or save them ({key})</source>
        <translation>预览显示的事项，然后打印或保存（{key}）</translation>
    </message>
    <message>
        <source>Families: all</source>
        <translation>类别：全部</translation>
    </message>
    <message>
        <source>Families: {names}</source>
        <translation>类别：{names}</translation>
    </message>
    <message>
        <source>Phases: all</source>
        <translation>病程阶段：全部</translation>
    </message>
    <message>
        <source>Phases: {names}</source>
        <translation>病程阶段：{names}</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急警示</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Info alerts</source>
        <translation>提示性警示</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>暂缓提醒</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>无待办</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name}（{count}）</translation>
    </message>
    <message>
        <source>due within {days} days</source>
        <translation>{days} 天内到期</translation>
    </message>
    <message>
        <source>search: “{text}”</source>
        <translation>搜索：“{text}”</translation>
    </message>
    <message>
        <source>The worklist cannot be shown until the clinic policy file is corrected.</source>
        <translation>在修正本院随访策略文件之前，无法显示待办清单。</translation>
    </message>
    <message>
        <source>Reading the worklist…</source>
        <translation>正在读取待办清单…</translation>
    </message>
    <message>
        <source>Updating care items: {done} of {total}</source>
        <translation>正在更新随访事项：{done}/{total}</translation>
    </message>
    <message>
        <source>The worklist could not be read: {error}</source>
        <translation>无法读取待办清单：{error}</translation>
    </message>
    <message>
        <source>Nothing is due or overdue on {date}.</source>
        <translation>{date} 没有即将到期或已逾期的事项。</translation>
    </message>
    <message>
        <source>No status is ticked: tick Urgent, Overdue or Due soon to list {count} items on {date}.</source>
        <translation>未勾选任何状态：勾选“紧急警示”“已逾期”或“即将到期”以列出 {date} 的 {count} 项。</translation>
    </message>
    <message>
        <source>One item on {date}</source>
        <translation>{date} 共 1 项</translation>
    </message>
    <message>
        <source>{count} items on {date}</source>
        <translation>{date} 共 {count} 项</translation>
    </message>
    <message>
        <source>{shown} of {count} items on {date}</source>
        <translation>{date} 显示 {shown} 项（共 {count} 项）</translation>
    </message>
    <message>
        <source>Worklist — {date}</source>
        <translation>待办清单 — {date}</translation>
    </message>
    <message>
        <source>Export the worklist</source>
        <translation>导出待办清单</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The worklist could not be exported</source>
        <translation>无法导出待办清单</translation>
    </message>
    <message>
        <source>{path} could not be written: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>acknowledge</name>
    <message>
        <source>a reason is required</source>
        <translation>必须填写原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Snoozed until</source>
        <translation>暂缓提醒至</translation>
    </message>
    <message>
        <source>Care item</source>
        <translation>随访事项</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>These care items were not acknowledged; nothing of them was saved:</source>
        <translation>以下随访事项未确认，其内容均未保存：</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>mmtracker cannot open the database</source>
        <translation>mmtracker 无法打开数据库</translation>
    </message>
    <message>
        <source>The database could not be opened:
{database}

{error}</source>
        <translation>无法打开数据库：
{database}

{error}</translation>
    </message>
    <message>
        <source>Today&apos;s backup was written to {file}</source>
        <translation>今日备份已写入 {file}</translation>
    </message>
    <message>
        <source>Today&apos;s backup failed</source>
        <translation>今日备份失败</translation>
    </message>
    <message>
        <source>The database could not be backed up today: {error}</source>
        <translation>今日无法备份数据库：{error}</translation>
    </message>
    <message>
        <source>Open the demo database?</source>
        <translation>打开演示数据库？</translation>
    </message>
    <message>
        <source>This database holds no patients yet.

Would you like to explore mmtracker with the demo database of made-up patients? It is kept apart from your database: no demo patient ever enters it.</source>
        <translation>此数据库中还没有患者。

是否打开由虚构患者组成的演示数据库来了解 mmtracker？演示数据库与您的数据库完全分开，演示患者绝不会进入您的数据库。</translation>
    </message>
    <message>
        <source>The clinic policy file was refused</source>
        <translation>本院诊疗策略文件未被接受</translation>
    </message>
    <message>
        <source>The care items are not brought up to date until the clinic policy file is corrected:

{problems}</source>
        <translation>在本院诊疗策略文件更正之前，随访事项不会更新：

{problems}</translation>
    </message>
</context>
<context>
    <name>figures</name>
    <message>
        <source>Phase</source>
        <translation>病程阶段</translation>
    </message>
    <message>
        <source>L{number} {regimen}</source>
        <translation>第{number}线 {regimen}</translation>
    </message>
    <message>
        <source>L{number}</source>
        <translation>第{number}线</translation>
    </message>
    <message>
        <source>Treatment lines</source>
        <translation>治疗线</translation>
    </message>
    <message>
        <source>Transplant performed</source>
        <translation>已行移植</translation>
    </message>
    <message>
        <source>Transplant planned</source>
        <translation>计划移植</translation>
    </message>
    <message>
        <source>Transplant plan withdrawn</source>
        <translation>移植计划已撤销</translation>
    </message>
    <message>
        <source>Transplant</source>
        <translation>移植</translation>
    </message>
    <message>
        <source>Dose: {agent}</source>
        <translation>给药：{agent}</translation>
    </message>
    <message>
        <source>Bone therapy: {event}</source>
        <translation>骨靶向治疗：{event}</translation>
    </message>
    <message>
        <source>Bone therapy</source>
        <translation>骨靶向治疗</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>影像学检查</translation>
    </message>
    <message>
        <source>Dental check: {outcome}</source>
        <translation>口腔检查：{outcome}</translation>
    </message>
    <message>
        <source>Dental checks</source>
        <translation>口腔检查</translation>
    </message>
    <message>
        <source>MRD negative</source>
        <translation>MRD 阴性</translation>
    </message>
    <message>
        <source>MRD positive</source>
        <translation>MRD 阳性</translation>
    </message>
    <message>
        <source>MRD</source>
        <translation>MRD</translation>
    </message>
    <message>
        <source>Clinical events</source>
        <translation>临床事件</translation>
    </message>
    <message>
        <source>No entries to show</source>
        <translation>暂无记录</translation>
    </message>
    <message>
        <source>As of {date}</source>
        <translation>截至 {date}</translation>
    </message>
    <message>
        <source>Corrected calcium (D12)</source>
        <translation>校正血钙（D12）</translation>
    </message>
    <message>
        <source>Default limit (policy)</source>
        <translation>默认界值（诊疗策略）</translation>
    </message>
    <message>
        <source>Involved {chain}</source>
        <translation>受累 {chain}</translation>
    </message>
    <message>
        <source>Uninvolved {chain}</source>
        <translation>未受累 {chain}</translation>
    </message>
    <message>
        <source>κ/λ ratio</source>
        <translation>κ/λ 比值</translation>
    </message>
    <message>
        <source>Involved/uninvolved ratio</source>
        <translation>受累/未受累游离轻链比值</translation>
    </message>
    <message>
        <source>Normal κ/λ range</source>
        <translation>κ/λ 比值正常范围</translation>
    </message>
    <message>
        <source>Creatinine clearance (Cockcroft-Gault)</source>
        <translation>肌酐清除率（Cockcroft-Gault）</translation>
    </message>
    <message>
        <source>No weight recorded on or before a creatinine: record a weight</source>
        <translation>肌酐检测当日或之前无体重记录：请记录体重</translation>
    </message>
    <message>
        <source>{series}: {value}
{date}</source>
        <translation>{series}：{value}
{date}</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>无结果</translation>
    </message>
    <message>
        <source>Reference limits (laboratory)</source>
        <translation>参考范围（实验室界值）</translation>
    </message>
</context>
<context>
    <name>worklist</name>
    <message>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>病程阶段</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>随访事项</translation>
    </message>
    <message>
        <source>Item id</source>
        <translation>事项编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>至 {date}</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>共 {count} 项</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>自 {date} 起</translation>
    </message>
    <message>
        <source>the database {database} holds no patients yet; to try mmtracker on made-up patients run `mmtracker --demo worklist`, or fill an empty database with `mmtracker demo`</source>
        <translation>数据库 {database} 中还没有患者；如需用虚构患者试用 mmtracker，请运行 `mmtracker --demo worklist`，或用 `mmtracker demo` 向空数据库填入演示患者</translation>
    </message>
</context>
</TS>
