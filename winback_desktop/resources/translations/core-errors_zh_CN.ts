<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The operation failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked after too many failed logins. Try again at {until}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be used: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the database: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was created by a newer version of Winback Desktop (schema {revision}). Install the newer version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database has no Winback schema yet. Run &apos;winback db upgrade&apos; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file {path} is on a network share. SQLite files on network drives get corrupted when several PCs use them; use a team PostgreSQL server instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
