<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Audit</name>
    <message>
        <source>Logged in</source>
        <extracomment>Audit log actions and entities the foundation writes; other areas add theirs. Unknown codes are shown as stored.</extracomment>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>账户已锁定</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>账户已解锁</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改了密码</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置了密码</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>创建了用户</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>修改了用户</translation>
    </message>
    <message>
        <source>Language changed</source>
        <translation>更改了语言</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>修改了设置</translation>
    </message>
    <message>
        <source>Demo data loaded</source>
        <translation>演示数据已载入</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Queue task</source>
        <translation>队列任务</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Offer request</source>
        <translation>优惠申请</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
</TS>
