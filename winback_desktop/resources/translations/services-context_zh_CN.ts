<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Your account is deactivated.</source>
        <translation>您的账户已停用。</translation>
    </message>
</context>
</TS>
