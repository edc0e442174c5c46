<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PhoneBar</name>
    <message>
        <source>Manual (tel: link)</source>
        <extracomment>after dialling, this long without any word from the phone system: say so</extracomment>
        <translation>手动（tel: 链接）</translation>
    </message>
    <message>
        <source>baresip</source>
        <translation>baresip</translation>
    </message>
    <message>
        <source>MicroSIP</source>
        <translation>MicroSIP</translation>
    </message>
    <message>
        <source>Asterisk (AMI)</source>
        <translation>Asterisk（AMI）</translation>
    </message>
    <message>
        <source>the line was busy</source>
        <translation>对方占线</translation>
    </message>
    <message>
        <source>nobody answered</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>the call failed</source>
        <translation>呼叫失败</translation>
    </message>
    <message>
        <source>the customer hung up</source>
        <translation>客户挂断了电话</translation>
    </message>
    <message>
        <source>you hung up</source>
        <translation>您挂断了电话</translation>
    </message>
    <message>
        <source>the call ended</source>
        <translation>通话已结束</translation>
    </message>
    <message>
        <source>Phone: {name}</source>
        <extracomment>the customer answered (call id, when the phone saw it) the call ended (call id, end cause code, proposed disposition code or None) something went wrong on the phone side (already-translated text)</extracomment>
        <translation>电话：{name}</translation>
    </message>
    <message>
        <source>Phone: {name}. It does not report calls: press Answered when the customer picks up and Hang up at the end.</source>
        <translation>电话：{name}。它不会报告通话状态：客户接听时请按“已接通”，结束时请按“挂断”。</translation>
    </message>
    <message>
        <source>Phone: {name}. No word from the phone system yet: if the customer answered, press Answered; Hang up ends the call here.</source>
        <translation>电话：{name}。电话系统尚无任何消息：如果客户已接听，请按“已接通”；按“挂断”可在此结束通话。</translation>
    </message>
    <message>
        <source>Phone: {name}, not connected ({detail}). The Answered and Hang up buttons work by hand.</source>
        <translation>电话：{name}，未连接（{detail}）。可手动使用“已接通”和“挂断”按钮。</translation>
    </message>
    <message>
        <source>Phone: {name}, connecting…</source>
        <translation>电话：{name}，正在连接…</translation>
    </message>
    <message>
        <source>Phone: {name}. Answer and hang-up are detected; the buttons override.</source>
        <translation>电话：{name}。接听和挂断会自动检测；按钮可手动更正。</translation>
    </message>
</context>
</TS>
