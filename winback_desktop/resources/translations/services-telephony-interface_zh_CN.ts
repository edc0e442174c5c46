<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The phone system refused: {detail}</source>
        <extracomment>the app puts the customer on hold and takes them back (hold time is measured) the call was answered and ended, but the phone system does not say who hung up (MicroSIP&apos;s cmdCallEnd); never guessed as one side or the other causes that mean the customer never came on the line</extracomment>
        <translation>电话系统拒绝了操作：{detail}</translation>
    </message>
    <message>
        <source>The phone system at {where} does not answer ({detail}).</source>
        <translation>位于 {where} 的电话系统没有响应（{detail}）。</translation>
    </message>
    <message>
        <source>The {adapter} phone connection does not offer this.</source>
        <translation>{adapter} 电话连接不支持此操作。</translation>
    </message>
</context>
</TS>
