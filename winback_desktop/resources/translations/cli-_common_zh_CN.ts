<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>database URL (default: this PC&apos;s SQLite file)</source>
        <translation>数据库 URL（默认：本机的 SQLite 文件）</translation>
    </message>
    <message>
        <source>print machine-readable JSON on stdout</source>
        <translation>在标准输出打印机器可读的 JSON</translation>
    </message>
    <message>
        <source>language of messages: en or zh_CN</source>
        <translation>消息语言：en 或 zh_CN</translation>
    </message>
    <message>
        <source>create the SQLite database file if it does not exist</source>
        <translation>SQLite 数据库文件不存在时新建它</translation>
    </message>
    <message>
        <source>Login: </source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Password for {login}: </source>
        <translation>{login} 的密码：</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}); the details are in {log}.</source>
        <translation>意外错误（{kind}）；详情见 {log}。</translation>
    </message>
    <message>
        <source>Unexpected error: {detail}</source>
        <translation>意外错误：{detail}</translation>
    </message>
    <message>
        <source>winback: error: </source>
        <translation>winback：错误：</translation>
    </message>
    <message>
        <source>winback: interrupted</source>
        <translation>winback：已中断</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>&apos;{value}&apos; is not a date; use YYYY-MM-DD.</source>
        <translation>“{value}”不是日期，请使用 YYYY-MM-DD 格式。</translation>
    </message>
    <message>
        <source>Not an amount: &apos;{value}&apos;.</source>
        <extracomment>The largest amount (in yuan) a command accepts: far beyond any offer, inside every column.</extracomment>
        <translation>不是金额：&apos;{value}&apos;。</translation>
    </message>
    <message>
        <source>There is no database file at {path}. Check the path, or create a new database there with &apos;winback db upgrade&apos; or --create.</source>
        <extracomment>The CLI&apos;s wording of a missing SQLite file: it says how to create one on purpose.</extracomment>
        <translation>{path} 处没有数据库文件（不存在）。请检查路径；如要在此新建数据库，请用“winback db upgrade”或 --create。</translation>
    </message>
    <message>
        <source>No password for {login}: set WINBACK_PASSWORD or run on a terminal.</source>
        <translation>{login} 没有密码：请设置 WINBACK_PASSWORD 或在终端中运行。</translation>
    </message>
    <message>
        <source>An argument is not UTF-8 text: &apos;{value}&apos;. Type it again or save the file name as UTF-8.</source>
        <translation>参数不是 UTF-8 文本：&apos;{value}&apos;。请重新输入，或将文件名保存为 UTF-8。</translation>
    </message>
</context>
</TS>
