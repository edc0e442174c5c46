<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>A login has 2 to 64 letters, digits or . _ @ - and no spaces: &apos;{login}&apos;.</source>
        <translation>登录名须为 2 到 64 个字母、数字或 . _ @ -，且不含空格：“{login}”。</translation>
    </message>
    <message>
        <source>Unknown role &apos;{role}&apos;: use agent, supervisor or admin.</source>
        <translation>未知角色“{role}”：请使用 agent、supervisor 或 admin。</translation>
    </message>
    <message>
        <source>The login &apos;{login}&apos; is taken.</source>
        <translation>登录名“{login}”已被占用。</translation>
    </message>
    <message>
        <source>Unknown language &apos;{language}&apos;.</source>
        <translation>未知语言“{language}”。</translation>
    </message>
    <message>
        <source>You cannot take the admin role from yourself.</source>
        <translation>您不能取消自己的管理员角色。</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>您不能停用自己的账户。</translation>
    </message>
</context>
</TS>
