<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <extracomment>perf_counter() when the login window was first shown (read by the startup timer). Modules that must load after the login window appears, not before (cold start ≤ 1 s). Which of them were already imported when the login window was first shown.</extracomment>
        <translation>登录</translation>
    </message>
    <message>
        <source>Log in to your win-back console.</source>
        <translation>登录您的客户赢回工作台。</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>语言(&amp;G)：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>{url} (opening…)</source>
        <translation>{url}（正在打开…）</translation>
    </message>
    <message>
        <source>{url} (not available)</source>
        <translation>{url}（不可用）</translation>
    </message>
    <message>
        <source>Enter your login and password.</source>
        <translation>请输入登录名和密码。</translation>
    </message>
</context>
</TS>
