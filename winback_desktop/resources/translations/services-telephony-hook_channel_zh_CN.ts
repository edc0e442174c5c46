<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>This phone event did not come from this Windows account: it was ignored.</source>
        <extracomment>the hook gives up on a silent app well inside MicroSIP&apos;s patience and its own 0.5 s ``handler(event, number, at_iso) -&gt; result dict``; raises for a refused event</extracomment>
        <translation>此电话事件并非来自本 Windows 账户，已忽略。</translation>
    </message>
</context>
</TS>
