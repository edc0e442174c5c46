<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>&apos;{value}&apos; is not a date.</source>
        <translation>“{value}”不是日期。</translation>
    </message>
    <message>
        <source>The year of &apos;{value}&apos; is out of range.</source>
        <translation>“{value}”的年份超出范围。</translation>
    </message>
    <message>
        <source>The number {value} is not an Excel date.</source>
        <translation>数字 {value} 不是 Excel 日期。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount of money.</source>
        <translation>“{value}”不是金额。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>Unknown status &apos;{value}&apos;: use lost, at_risk, won_back, active or retained.</source>
        <extracomment>Synonyms per reason, English and Chinese; matched as substrings of the folded text.</extracomment>
        <translation>未知状态“{value}”：请使用 lost、at_risk、won_back、active 或 retained。</translation>
    </message>
    <message>
        <source>Unknown language &apos;{value}&apos;.</source>
        <translation>未知语言“{value}”。</translation>
    </message>
    <message>
        <source>Unknown time zone &apos;{value}&apos;: use a name such as Asia/Shanghai.</source>
        <translation>未知时区“{value}”：请使用 Asia/Shanghai 这样的名称。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an e-mail address.</source>
        <translation>“{value}”不是电子邮件地址。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not yes or no.</source>
        <translation>“{value}”不是“是”或“否”。</translation>
    </message>
    <message>
        <source>Unknown currency &apos;{value}&apos;.</source>
        <translation>未知币种“{value}”。</translation>
    </message>
</context>
</TS>
