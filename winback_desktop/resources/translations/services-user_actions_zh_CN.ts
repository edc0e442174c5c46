<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>This database has an administrator already; ask them to add you.</source>
        <extracomment>the user&apos;s own phone on the team&apos;s PBX (&quot;&quot; = none); None leaves it as it is</extracomment>
        <translation>此数据库已有管理员，请让管理员为您添加账户。</translation>
    </message>
    <message>
        <source>Enter times as HH:MM, for example 09:00.</source>
        <translation>请按 时:分 格式输入时间，例如 09:00。</translation>
    </message>
    <message>
        <source>&apos;{zone}&apos; is not a time zone: use an IANA name such as Asia/Shanghai or Europe/London.</source>
        <translation>“{zone}”不是有效的时区：请使用 IANA 名称，例如 Asia/Shanghai 或 Europe/London。</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; is not an ISO currency code: use three capital letters such as CNY, USD or EUR.</source>
        <translation>“{code}”不是 ISO 货币代码：请使用三个大写字母，例如 CNY、USD 或 EUR。</translation>
    </message>
    <message>
        <source>&apos;{region}&apos; is not a phone region: use a two-letter country code such as CN, HK or GB.</source>
        <translation>“{region}”不是电话地区：请使用两个字母的国家代码，例如 CN、HK 或 GB。</translation>
    </message>
    <message>
        <source>{value} must be a positive whole number.</source>
        <translation>{value} 必须是正整数。</translation>
    </message>
</context>
</TS>
