<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password for {login}. This also lifts a lockout.</source>
        <translation>为 {login} 设置新密码，同时解除锁定。</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>Pushed away (intentional)</source>
        <translation>被推走（有意）</translation>
    </message>
    <message>
        <source>Pushed away (unintentional)</source>
        <translation>被推走（无意）</translation>
    </message>
    <message>
        <source>Pulled away</source>
        <translation>被拉走</translation>
    </message>
    <message>
        <source>Bought away</source>
        <translation>被买走</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>迁走</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>团队：</translation>
    </message>
    <message>
        <source>Active:</source>
        <translation>启用：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>Seniority:</source>
        <translation>资历：</translation>
    </message>
    <message>
        <source>Phone extension:</source>
        <translation>电话分机：</translation>
    </message>
    <message>
        <source>May log in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <source>e.g. 201: the desk phone the PBX rings for this user</source>
        <translation>例如 201：交换机为该用户振铃的桌面电话</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>资深</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>实习</translation>
    </message>
    <message>
        <source>Skills (which customers the queue gives this agent)</source>
        <translation>技能（队列分配给此坐席的客户）</translation>
    </message>
    <message>
        <source>SLTV tiers:</source>
        <translation>SLTV 等级：</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>负值</translation>
    </message>
    <message>
        <source>Reasons:</source>
        <translation>流失原因：</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Nothing ticked in a row means: any.</source>
        <translation>某一行都不勾选表示不限。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Filter by login or name</source>
        <translation>按登录名或姓名筛选</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>The password of {login} was changed.</source>
        <translation>{login} 的密码已修改。</translation>
    </message>
</context>
</TS>
