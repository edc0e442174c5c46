<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>A login has 2 to 64 letters, digits or . _ @ - and no spaces: &apos;{login}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role &apos;{role}&apos;: use agent, supervisor or admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login &apos;{login}&apos; is taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language &apos;{language}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot take the admin role from yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
