<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Only agents&apos; calls can be listened in on; {person} is not an agent.</source>
        <translation>只能监听坐席的通话；{person} 不是坐席。</translation>
    </message>
    <message>
        <source>{agent} is not in your team: only their own team&apos;s supervisors can listen in.</source>
        <translation>{agent} 不在您的团队：只有其所在团队的主管可以监听。</translation>
    </message>
    <message>
        <source>{agent} is not on a call.</source>
        <translation>{agent} 当前不在通话中。</translation>
    </message>
    <message>
        <source>Set your own phone extension before listening in.</source>
        <translation>监听前请先设置您自己的电话分机。</translation>
    </message>
    <message>
        <source>{agent} has no phone extension set.</source>
        <translation>{agent} 尚未设置电话分机。</translation>
    </message>
</context>
</TS>
