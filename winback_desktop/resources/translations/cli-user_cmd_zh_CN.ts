<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>users and roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team name (created if new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password (prompted for when omitted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {role} &apos;{login}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No users.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>No password given: use --password or type one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
