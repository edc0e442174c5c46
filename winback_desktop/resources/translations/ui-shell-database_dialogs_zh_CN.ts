<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChooseDatabaseDialog</name>
    <message>
        <source>Choose a database</source>
        <extracomment>the user agreed to create the (missing) SQLite file of :meth:`url`</extracomment>
        <translation>选择数据库</translation>
    </message>
    <message>
        <source>Use a SQLite file when this PC works alone, or your team&apos;s PostgreSQL server.</source>
        <translation>本机单独使用时选择 SQLite 文件，团队共用时选择团队的 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>SQLite file…</source>
        <translation>SQLite 文件…</translation>
    </message>
    <message>
        <source>Use this PC&apos;s default file</source>
        <translation>使用本机默认文件</translation>
    </message>
    <message>
        <source>Examples: sqlite:///C:/Winback/team.sqlite3 or postgresql://user:password@server/winback</source>
        <translation>示例：sqlite:///C:/Winback/team.sqlite3 或 postgresql://user:password@server/winback</translation>
    </message>
    <message>
        <source>SQLite database file</source>
        <translation>SQLite 数据库文件</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Create a new database?</source>
        <translation>新建数据库？</translation>
    </message>
    <message>
        <source>There is no database file at {path}. Create a new, empty database there?</source>
        <translation>{path} 处没有数据库文件。要在此新建一个空数据库吗？</translation>
    </message>
    <message>
        <source>Create it</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Change the path</source>
        <translation>修改路径</translation>
    </message>
</context>
<context>
    <name>DatabaseErrorDialog</name>
    <message>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
    <message>
        <source>This database is newer than this version of Winback Desktop and will not be opened.</source>
        <translation>此数据库比当前版本的 Winback Desktop 更新，将不会被打开。</translation>
    </message>
    <message>
        <source>Winback Desktop cannot open its database.</source>
        <translation>Winback Desktop 无法打开数据库。</translation>
    </message>
    <message>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Choose another database…</source>
        <translation>选择其他数据库…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
</TS>
