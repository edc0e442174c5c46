<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>call quality reviews</source>
        <translation>通话质检</translation>
    </message>
    <message>
        <source>QA by agent and criterion</source>
        <translation>按坐席和评分项统计质检</translation>
    </message>
    <message>
        <source>first day (ISO)</source>
        <translation>开始日期(ISO)</translation>
    </message>
    <message>
        <source>last day (ISO)</source>
        <translation>结束日期(ISO)</translation>
    </message>
    <message>
        <source>also write an .xlsx</source>
        <translation>同时写出 .xlsx</translation>
    </message>
    <message>
        <source>call recordings</source>
        <translation>通话录音</translation>
    </message>
    <message>
        <source>link a telephony folder&apos;s audio files to calls</source>
        <translation>把话务系统文件夹中的录音关联到通话</translation>
    </message>
    <message>
        <source>file-name pattern with {agent}, {phone}, {call} and {time:%%Y%%m%%d-%%H%%M%%S}, optionally ending with the extension (.wav)</source>
        <translation>文件名模式，可含 {agent}、{phone}、{call} 和 {time:%%Y%%m%%d-%%H%%M%%S}，末尾可带扩展名（如 .wav）</translation>
    </message>
    <message>
        <source>Pattern {pattern}: {scanned} files, {matched} linked, {unmatched} unmatched, {linked} already linked.</source>
        <translation>模式 {pattern}：{scanned} 个文件，已关联 {matched} 个，未匹配 {unmatched} 个，之前已关联 {linked} 个。</translation>
    </message>
    <message>
        <source>time zone of the file times</source>
        <translation>文件时间所用的时区</translation>
    </message>
    <message>
        <source>the live board: agents and queue</source>
        <translation>实时看板:坐席与队列</translation>
    </message>
    <message>
        <source>Nothing.</source>
        <translation>没有数据。</translation>
    </message>
</context>
</TS>
