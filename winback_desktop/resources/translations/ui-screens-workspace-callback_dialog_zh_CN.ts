<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallbackDialog</name>
    <message>
        <source>Schedule a callback</source>
        <translation>安排回拨</translation>
    </message>
    <message>
        <source>Enter the time on {name}&apos;s clock ({zone}).</source>
        <translation>请按{name}的当地时间（{zone}）输入。</translation>
    </message>
    <message>
        <source>Customer&apos;s time:</source>
        <translation>客户时间：</translation>
    </message>
    <message>
        <source>Your time:</source>
        <translation>您的时间：</translation>
    </message>
    <message>
        <source>&amp;Personal callback (comes back to me)</source>
        <translation>个人回拨（回到我这里）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Team callback (first free agent)</source>
        <translation>团队回拨（第一位空闲坐席）(&amp;T)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>安排</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>This time is in the past.</source>
        <translation>这个时间已经过去。</translation>
    </message>
</context>
</TS>
