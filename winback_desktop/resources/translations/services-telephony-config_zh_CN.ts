<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown phone connection &apos;{adapter}&apos;. Use one of: {choices}.</source>
        <extracomment>longer than any dial plan&apos;s extension: a pasted phone number or a note, not a phone the agent&apos;s SIP account as baresip writes it (``&lt;sip:1001@pbx.example&gt;``), without ``auth_pass``: the password stays in the credential store</extracomment>
        <translation>未知的电话连接“{adapter}”。请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <source>A port is a number from 1 to 65535.</source>
        <translation>端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>An extension is up to 20 digits or letters (&apos;{value}&apos;).</source>
        <translation>分机号最多 20 位数字或字母（“{value}”）。</translation>
    </message>
</context>
</TS>
