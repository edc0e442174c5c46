<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Restoring replaces every customer, call and user in {database} with the backup. Confirm to go ahead.</source>
        <extracomment>Backups in the backups folder that retention may delete (never other files there).</extracomment>
        <translation>恢复会用备份替换 {database} 中的所有客户、通话和用户。请确认后继续。</translation>
    </message>
    <message>
        <source>Not a valid backup schedule.</source>
        <extracomment>Monday = 0 … Sunday = 6, for weekly backups</extracomment>
        <translation>备份计划无效。</translation>
    </message>
    <message>
        <source>Keep between 1 and 1000 backups.</source>
        <translation>保留的备份数须在 1 到 1000 之间。</translation>
    </message>
</context>
</TS>
