<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge / snooze care items</source>
        <translation>确认 / 暂缓提醒随访事项</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge %n care item(s) on %1:</source>
        <translation>
            <numerusform>于 %1 确认 %n 项随访事项：</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>At most %n day(s) after the acknowledgement: %1 at the latest.</source>
        <translation>
            <numerusform>最长为确认后 %n 天：最晚至 %1。</numerusform>
        </translation>
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
        <source>Reason: a reason is required to acknowledge.</source>
        <translation>原因：确认时必须填写原因。</translation>
    </message>
    <message>
        <source>Discard the reason?</source>
        <translation>放弃已填写的原因？</translation>
    </message>
    <message>
        <source>The reason you typed will be lost. Close without acknowledging?</source>
        <translation>已填写的原因将会丢失。不确认并关闭？</translation>
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
        <source>Search by MRN or name</source>
        <translation>按病历号或姓名搜索</translation>
    </message>
    <message>
        <source>Patient list</source>
        <translation>患者列表</translation>
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
        <source>Patients: {count}</source>
        <translation>患者：{count} 例</translation>
    </message>
    <message>
        <source>Patients: {shown} of {count}</source>
        <translation>患者：{shown} 例（共 {count} 例）</translation>
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
    <name>PatientsScreen</name>
    <message>
        <source>Search by MRN or name</source>
        <translation type="unfinished">按病历号或姓名搜索</translation>
    </message>
    <message>
        <source>Patient list</source>
        <translation type="unfinished">患者列表</translation>
    </message>
    <message>
        <source>Patients: {count}</source>
        <translation type="unfinished">患者：{count} 例</translation>
    </message>
    <message>
        <source>Patients: {shown} of {count}</source>
        <translation type="unfinished">患者：{shown} 例（共 {count} 例）</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Patient</source>
        <translation type="unfinished">患者</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation type="unfinished">病历号</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished">病程阶段</translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished">随访事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <source>Due / since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation type="unfinished">逾期天数</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation type="unfinished">依据</translation>
    </message>
    <message>
        <source>Snoozed until {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation type="unfinished">自 {date} 起</translation>
    </message>
</context>
<context>
    <name>WorklistScreen</name>
    <message>
        <source>Search patient, MRN, item or rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due within (days):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items due within this many days are listed as due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge / snooze…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Families: all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Families: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases: all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worklist cannot be shown until the clinic policy file is corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the worklist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating care items: {done} of {total}</source>
        <translation type="unfinished">正在更新随访事项：{done}/{total}</translation>
    </message>
    <message>
        <source>The worklist could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due or overdue on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} items on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {count} items on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worklist could not be exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>acknowledge</name>
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
