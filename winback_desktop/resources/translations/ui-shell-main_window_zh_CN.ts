<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>Saved. Log out and in again to work on the team server.</source>
        <translation>已保存。注销后重新登录即可使用团队服务器。</translation>
    </message>
    <message>
        <source>This PC goes back to its own database at the next login.</source>
        <translation>下次登录时本机将改回使用自己的数据库。</translation>
    </message>
    <message>
        <source>{app} — {user}</source>
        <translation>{app} — {user}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import customers…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;purchases…</source>
        <translation>导入购买记录(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Team server…</source>
        <translation>团队服务器(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Phone system…</source>
        <translation>电话系统(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Backup and restore…</source>
        <translation>备份与恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
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
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Winback Desktop</source>
        <translation>关于 Winback Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>User: {name}</source>
        <translation>用户：{name}</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>角色：{role}</translation>
    </message>
    <message>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <source>Backup taken before the upgrade: {path}</source>
        <translation>升级前已备份：{path}</translation>
    </message>
    <message>
        <source>Connection to the database lost — reconnecting… Your typed work is kept.</source>
        <translation>与数据库的连接已断开 — 正在重新连接… 您输入的内容会保留。</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;A console for permanent customer win-back call teams.&lt;/p&gt;&lt;p&gt;Python {python}&lt;br&gt;Qt {qt} / PySide6 {pyside}&lt;br&gt;SQLAlchemy {sqlalchemy}&lt;br&gt;Database: {backend}&lt;br&gt;{url}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;面向常设客户赢回呼叫团队的工作台。&lt;/p&gt;&lt;p&gt;Python {python}&lt;br&gt;Qt {qt} / PySide6 {pyside}&lt;br&gt;SQLAlchemy {sqlalchemy}&lt;br&gt;数据库：{backend}&lt;br&gt;{url}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Winback Desktop</source>
        <translation>关于 Winback Desktop</translation>
    </message>
</context>
</TS>
