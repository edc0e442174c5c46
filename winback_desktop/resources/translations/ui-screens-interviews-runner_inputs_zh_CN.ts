<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InterviewRunner</name>
    <message>
        <source>A number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Type the answer; Enter to go on</source>
        <translation>输入回答;按回车继续</translation>
    </message>
</context>
</TS>
