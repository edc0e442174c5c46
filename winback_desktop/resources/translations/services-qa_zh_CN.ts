<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Nobody scores their own calls.</source>
        <extracomment>which call was reviewed: its customer and when it started (the list shows them)</extracomment>
        <translation>任何人都不能给自己的通话评分。</translation>
    </message>
    <message>
        <source>The scores are not complete: {detail}</source>
        <translation>评分不完整:{detail}</translation>
    </message>
    <message>
        <source>You already answered this evaluation.</source>
        <translation>你已经回复过这条评价。</translation>
    </message>
    <message>
        <source>Say why you dispute the evaluation.</source>
        <translation>请说明你对评价有异议的原因。</translation>
    </message>
    <message>
        <source>This call has no queue task to send back.</source>
        <translation>这通电话没有可退回的队列任务。</translation>
    </message>
    <message>
        <source>The customer asked not to be called; no callback.</source>
        <translation>客户要求不再来电,不能安排回拨。</translation>
    </message>
</context>
</TS>
