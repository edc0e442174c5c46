<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Settings</name>
    <message>
        <source>Default phone region:</source>
        <extracomment>Labels of ``services.settings.DEFAULTS`` keys; unknown keys show their key.</extracomment>
        <translation>默认电话区域：</translation>
    </message>
    <message>
        <source>Default time zone:</source>
        <translation>默认时区：</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>货币：</translation>
    </message>
    <message>
        <source>Calling window starts (HH:MM):</source>
        <translation>呼叫时段开始（时:分）：</translation>
    </message>
    <message>
        <source>Calling window ends (HH:MM):</source>
        <translation>呼叫时段结束（时:分）：</translation>
    </message>
    <message>
        <source>Task lease (minutes):</source>
        <translation>任务占用时长（分钟）：</translation>
    </message>
    <message>
        <source>Agent shown offline after (seconds):</source>
        <translation>坐席无响应多久后显示离线（秒）：</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>My password</source>
        <translation>我的密码</translation>
    </message>
    <message>
        <source>These settings apply to the whole team.</source>
        <translation>这些设置适用于整个团队。</translation>
    </message>
    <message>
        <source>These settings apply to the whole team. Only an administrator may change them.</source>
        <translation>这些设置适用于整个团队，只有管理员可以修改。</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
</context>
</TS>
