<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>You may act only as yourself, or for an agent if you supervise.</source>
        <extracomment>A working day and a bit: a forgotten login ends by the next morning.</extracomment>
        <translation>您只能以本人身份操作；主管可以代表坐席操作。</translation>
    </message>
    <message>
        <source>--by names someone else: log in as {login} to act as them.</source>
        <translation>--by 指定的是其他人：请以 {login} 登录后再以其身份操作。</translation>
    </message>
</context>
</TS>
