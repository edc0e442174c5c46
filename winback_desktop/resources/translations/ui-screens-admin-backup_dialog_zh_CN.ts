<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups</source>
        <extracomment>confirmation hook (tests replace it): (title, text) -&gt; bool</extracomment>
        <translation>备份</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Open backups folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Save schedule</source>
        <translation>保存计划</translation>
    </message>
    <message>
        <source>Scheduled backups</source>
        <translation>定时备份</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>频率</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Keep newest</source>
        <translation>保留最新</translation>
    </message>
    <message>
        <source>Backups in {folder}:</source>
        <translation>{folder} 中的备份：</translation>
    </message>
    <message>
        <source>Only an admin can back up or restore.</source>
        <translation>只有管理员可以备份或恢复。</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>Winback backups (*.zip)</source>
        <translation>Winback 备份 (*.zip)</translation>
    </message>
    <message>
        <source>Restore from</source>
        <translation>恢复自</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Backup written: {path} ({rows} rows).</source>
        <translation>备份已写入：{path}（{rows} 行）。</translation>
    </message>
    <message>
        <source>Backup made {created} by version {version}: {customers} customers, {rows} rows in all. Restoring replaces everything in {database} for every workstation. Close Winback Desktop on the other PCs first. Restore now?</source>
        <translation>此备份由 {version} 版于 {created} 创建：{customers} 位客户，共 {rows} 行。恢复将为所有工作站替换 {database} 中的全部数据。请先关闭其他电脑上的 Winback Desktop。现在恢复吗？</translation>
    </message>
    <message>
        <source>Restore database</source>
        <translation>恢复数据库</translation>
    </message>
    <message>
        <source>Not restored.</source>
        <translation>未恢复。</translation>
    </message>
    <message>
        <source>Restored and verified {rows} rows. Please log in again.</source>
        <translation>已恢复并校验 {rows} 行。请重新登录。</translation>
    </message>
    <message>
        <source>Schedule saved.</source>
        <translation>计划已保存。</translation>
    </message>
</context>
</TS>
