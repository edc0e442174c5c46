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
        <source>Logged in at the command line</source>
        <translation>在命令行登录</translation>
    </message>
    <message>
        <source>Command-line logins revoked</source>
        <translation>命令行登录已撤销</translation>
    </message>
    <message>
        <source>Acted for an agent</source>
        <translation>代坐席操作</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
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
        <source>Logins put on hold</source>
        <translation>登录已暂缓</translation>
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
        <source>Agent logged out by a supervisor</source>
        <translation>主管强制坐席退出</translation>
    </message>
    <message>
        <source>Agent set not ready by a supervisor</source>
        <translation>主管将坐席设为未就绪</translation>
    </message>
    <message>
        <source>Agent not ready</source>
        <translation>坐席未就绪</translation>
    </message>
    <message>
        <source>Agent ready</source>
        <translation>坐席就绪</translation>
    </message>
    <message>
        <source>Approval limit changed</source>
        <translation>审批额度已更改</translation>
    </message>
    <message>
        <source>Personal approval limit changed</source>
        <translation>个人审批额度已更改</translation>
    </message>
    <message>
        <source>Call finished</source>
        <translation>通话已结束</translation>
    </message>
    <message>
        <source>Call abandoned</source>
        <translation>通话已放弃</translation>
    </message>
    <message>
        <source>Call answered</source>
        <translation>通话已接通</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>通话已挂断</translation>
    </message>
    <message>
        <source>Offer accepted on the call</source>
        <translation>通话中已接受优惠</translation>
    </message>
    <message>
        <source>Call outcome corrected</source>
        <translation>通话结果已更正</translation>
    </message>
    <message>
        <source>Call started</source>
        <translation>通话已开始</translation>
    </message>
    <message>
        <source>Call wrapped up</source>
        <translation>话后处理已完成</translation>
    </message>
    <message>
        <source>Call flagged for review</source>
        <translation>通话已标记待审</translation>
    </message>
    <message>
        <source>Call listened in on</source>
        <translation>通话已被监听</translation>
    </message>
    <message>
        <source>Callback opened</source>
        <translation>回访已开启</translation>
    </message>
    <message>
        <source>Campaign agents assigned</source>
        <translation>活动坐席已分配</translation>
    </message>
    <message>
        <source>Campaign created</source>
        <translation>活动已创建</translation>
    </message>
    <message>
        <source>Campaign paused</source>
        <translation>活动已暂停</translation>
    </message>
    <message>
        <source>Campaign started</source>
        <translation>活动已启动</translation>
    </message>
    <message>
        <source>Campaign changed</source>
        <translation>活动已修改</translation>
    </message>
    <message>
        <source>Coaching message sent</source>
        <translation>已发送辅导消息</translation>
    </message>
    <message>
        <source>Customer note added</source>
        <translation>已添加客户备注</translation>
    </message>
    <message>
        <source>Customer re-segmented</source>
        <translation>客户已重新分群</translation>
    </message>
    <message>
        <source>Customers exported</source>
        <translation>客户已导出</translation>
    </message>
    <message>
        <source>Database backed up</source>
        <translation>数据库已备份</translation>
    </message>
    <message>
        <source>Database moved in</source>
        <translation>数据库已迁入</translation>
    </message>
    <message>
        <source>Database moved out</source>
        <translation>数据库已迁出</translation>
    </message>
    <message>
        <source>Database restored</source>
        <translation>数据库已恢复</translation>
    </message>
    <message>
        <source>Database restore started</source>
        <translation>数据库恢复已开始</translation>
    </message>
    <message>
        <source>Database restore stopped: others still connected</source>
        <translation>数据库恢复已停止：仍有其他连接</translation>
    </message>
    <message>
        <source>Help request answered</source>
        <translation>求助已响应</translation>
    </message>
    <message>
        <source>Help requested</source>
        <translation>已请求帮助</translation>
    </message>
    <message>
        <source>Customers imported</source>
        <translation>客户已导入</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>导入已撤销</translation>
    </message>
    <message>
        <source>Import mapping deleted</source>
        <translation>导入映射已删除</translation>
    </message>
    <message>
        <source>Import mapping saved</source>
        <translation>导入映射已保存</translation>
    </message>
    <message>
        <source>Interview completed</source>
        <translation>访谈已完成</translation>
    </message>
    <message>
        <source>Interview paused</source>
        <translation>访谈已暂停</translation>
    </message>
    <message>
        <source>Interview report exported</source>
        <translation>访谈报告已导出</translation>
    </message>
    <message>
        <source>Interview resumed</source>
        <translation>访谈已继续</translation>
    </message>
    <message>
        <source>Interview started</source>
        <translation>访谈已开始</translation>
    </message>
    <message>
        <source>Softphone hooks written</source>
        <translation>软电话钩子已写入</translation>
    </message>
    <message>
        <source>Not-ready reason added</source>
        <translation>已添加未就绪原因</translation>
    </message>
    <message>
        <source>Not-ready reason changed</source>
        <translation>未就绪原因已修改</translation>
    </message>
    <message>
        <source>Offer accepted by the customer</source>
        <translation>客户已接受优惠</translation>
    </message>
    <message>
        <source>Offer requested</source>
        <translation>已申请优惠</translation>
    </message>
    <message>
        <source>Offer approved</source>
        <translation>优惠已批准</translation>
    </message>
    <message>
        <source>Offer rejected</source>
        <translation>优惠已拒绝</translation>
    </message>
    <message>
        <source>Offer escalated</source>
        <translation>优惠已上报</translation>
    </message>
    <message>
        <source>Counter-offer made</source>
        <translation>已提出替代优惠</translation>
    </message>
    <message>
        <source>Offer request expired</source>
        <translation>优惠申请已过期</translation>
    </message>
    <message>
        <source>Offer created</source>
        <translation>优惠已创建</translation>
    </message>
    <message>
        <source>Offer changed</source>
        <translation>优惠已修改</translation>
    </message>
    <message>
        <source>New offer version</source>
        <translation>优惠新版本</translation>
    </message>
    <message>
        <source>Offers report exported</source>
        <translation>优惠报告已导出</translation>
    </message>
    <message>
        <source>Phone event</source>
        <translation>电话事件</translation>
    </message>
    <message>
        <source>Plan ended</source>
        <translation>计划已结束</translation>
    </message>
    <message>
        <source>Plan resumed</source>
        <translation>计划已恢复</translation>
    </message>
    <message>
        <source>Customer enrolled in a plan</source>
        <translation>客户已加入计划</translation>
    </message>
    <message>
        <source>Plan saved</source>
        <translation>计划已保存</translation>
    </message>
    <message>
        <source>Plan step done</source>
        <translation>计划步骤已完成</translation>
    </message>
    <message>
        <source>Purchases imported</source>
        <translation>购买记录已导入</translation>
    </message>
    <message>
        <source>QA evaluation acknowledged</source>
        <translation>质检评估已确认</translation>
    </message>
    <message>
        <source>QA evaluation disputed</source>
        <translation>质检评估有异议</translation>
    </message>
    <message>
        <source>Sent back to the agent as a callback</source>
        <translation>已退回坐席回访</translation>
    </message>
    <message>
        <source>Call evaluated (QA)</source>
        <translation>通话已质检</translation>
    </message>
    <message>
        <source>QA form published</source>
        <translation>质检表已发布</translation>
    </message>
    <message>
        <source>QA report exported</source>
        <translation>质检报告已导出</translation>
    </message>
    <message>
        <source>Recording attached</source>
        <translation>录音已附加</translation>
    </message>
    <message>
        <source>Recordings scanned</source>
        <translation>录音已扫描</translation>
    </message>
    <message>
        <source>Reward request decided</source>
        <translation>兑换申请已处理</translation>
    </message>
    <message>
        <source>Reward requested</source>
        <translation>已申请兑换奖励</translation>
    </message>
    <message>
        <source>Points brought up to date</source>
        <translation>积分已更新</translation>
    </message>
    <message>
        <source>Points reversed</source>
        <translation>积分已冲销</translation>
    </message>
    <message>
        <source>Reward rule created</source>
        <translation>奖励规则已创建</translation>
    </message>
    <message>
        <source>Reward rule changed</source>
        <translation>奖励规则已修改</translation>
    </message>
    <message>
        <source>Risk warning dismissed</source>
        <translation>风险预警已忽略</translation>
    </message>
    <message>
        <source>Risk scan run</source>
        <translation>已运行风险扫描</translation>
    </message>
    <message>
        <source>Script assigned</source>
        <translation>脚本已分配</translation>
    </message>
    <message>
        <source>Script copied</source>
        <translation>脚本已复制</translation>
    </message>
    <message>
        <source>Script created</source>
        <translation>脚本已创建</translation>
    </message>
    <message>
        <source>Script deleted</source>
        <translation>脚本已删除</translation>
    </message>
    <message>
        <source>Script edited</source>
        <translation>脚本已编辑</translation>
    </message>
    <message>
        <source>Script published</source>
        <translation>脚本已发布</translation>
    </message>
    <message>
        <source>Script retired</source>
        <translation>脚本已停用</translation>
    </message>
    <message>
        <source>Segmentation grid changed</source>
        <translation>分群表已修改</translation>
    </message>
    <message>
        <source>SLTV recomputed</source>
        <translation>SLTV 已重新计算</translation>
    </message>
    <message>
        <source>SLTV tiers changed</source>
        <translation>SLTV 等级已修改</translation>
    </message>
    <message>
        <source>Spot award</source>
        <translation>即时奖励</translation>
    </message>
    <message>
        <source>Task closed</source>
        <translation>任务已关闭</translation>
    </message>
    <message>
        <source>Task released</source>
        <translation>任务已释放</translation>
    </message>
    <message>
        <source>Win model refreshed</source>
        <translation>挽回模型已刷新</translation>
    </message>
    <message>
        <source>Ready after wrap-up</source>
        <translation>话后处理结束自动就绪</translation>
    </message>
    <message>
        <source>Customer won back</source>
        <translation>客户已挽回</translation>
    </message>
    <message>
        <source>Customer kept</source>
        <translation>客户已留住</translation>
    </message>
    <message>
        <source>Display name</source>
        <extracomment>Field names in an audit entry&apos;s before/after, shown as words (&quot;Display name: …&quot;).</extracomment>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
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
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Score (%)</source>
        <translation>得分（%）</translation>
    </message>
    <message>
        <source>Critical fail</source>
        <translation>严重不合格</translation>
    </message>
    <message>
        <source>Calibration session</source>
        <translation>校准会话</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>SLTV tier</source>
        <translation>SLTV 等级</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Callback at</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <source>Skill tiers</source>
        <translation>技能等级</translation>
    </message>
    <message>
        <source>Skill reasons</source>
        <translation>擅长原因</translation>
    </message>
    <message>
        <source>Languages spoken</source>
        <translation>会说的语言</translation>
    </message>
    <message>
        <source>Seniority</source>
        <translation>资历</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Command-line login</source>
        <translation>命令行登录</translation>
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
        <source>Approval limit</source>
        <translation>审批额度</translation>
    </message>
    <message>
        <source>Import mapping</source>
        <translation>导入映射</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>Interview script</source>
        <translation>访谈脚本</translation>
    </message>
    <message>
        <source>Not-ready reason</source>
        <translation>未就绪原因</translation>
    </message>
    <message>
        <source>Offers report</source>
        <translation>优惠报告</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>QA evaluation</source>
        <translation>质检评估</translation>
    </message>
    <message>
        <source>QA form</source>
        <translation>质检表</translation>
    </message>
    <message>
        <source>QA report</source>
        <translation>质检报告</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录音</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Points ledger</source>
        <translation>积分账本</translation>
    </message>
    <message>
        <source>Reward request</source>
        <translation>奖励兑换申请</translation>
    </message>
    <message>
        <source>Reward rule</source>
        <translation>奖励规则</translation>
    </message>
    <message>
        <source>Risk scan</source>
        <translation>风险扫描</translation>
    </message>
    <message>
        <source>Segmentation grid cell</source>
        <translation>分群表单元格</translation>
    </message>
    <message>
        <source>SLTV tiers</source>
        <translation>SLTV 等级</translation>
    </message>
    <message>
        <source>Win-back plan</source>
        <translation>挽回计划</translation>
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
