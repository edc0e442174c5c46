<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>line {line}, {field}: {message}</source>
        <extracomment>``goto`` target that ends the interview. What a tagged question&apos;s answer tells the customer record and the reports. The five reasons of seed 001 that choices can score. Tie-break order of the proposal (see the module docstring for why). reason → weight; only the five scored reasons. where any answer leads unless the chosen choice says otherwise what the answer means for the customer record (``TAGS``) field path such as ``questions[2].choices[0].value`` (empty: the whole script) line in the JSON file, when the script came from one</extracomment>
        <translation>第 {line} 行,{field}:{message}</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>第 {line} 行:{message}</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}:{message}</translation>
    </message>
    <message>
        <source>The script is not valid: {problems}</source>
        <translation>脚本无效:{problems}</translation>
    </message>
    <message>
        <source>(and {count} more)</source>
        <translation>(另有 {count} 处)</translation>
    </message>
    <message>
        <source>{file}: the script is not valid: {problems}</source>
        <translation>{file}:脚本无效:{problems}</translation>
    </message>
    <message>
        <source>Version {version} of the script &apos;{name}&apos; is {status} and cannot be changed; clone it to a new draft version.</source>
        <translation>脚本“{name}”的版本 {version} 状态为 {status},不能修改;请克隆为新的草稿版本。</translation>
    </message>
    <message>
        <source>Invalid answer: {detail}</source>
        <translation>无效的回答:{detail}</translation>
    </message>
    <message>
        <source>The script needs a name.</source>
        <translation>脚本需要一个名称。</translation>
    </message>
    <message>
        <source>Unknown script kind &apos;{kind}&apos;: use win_back or save.</source>
        <translation>未知的脚本类型“{kind}”:请使用 win_back 或 save。</translation>
    </message>
    <message>
        <source>The script has no questions.</source>
        <translation>脚本没有问题。</translation>
    </message>
    <message>
        <source>A script has at most {max} questions.</source>
        <translation>一个脚本最多 {max} 个问题。</translation>
    </message>
    <message>
        <source>The branch goes to question &apos;{target}&apos;, which does not exist.</source>
        <translation>分支跳转到问题“{target}”,但该问题不存在。</translation>
    </message>
    <message>
        <source>The question needs a key.</source>
        <translation>问题需要一个标识。</translation>
    </message>
    <message>
        <source>The key &apos;{key}&apos; may use only letters, digits and _ (at most 50).</source>
        <translation>标识“{key}”只能使用字母、数字和 _(最多 50 个)。</translation>
    </message>
    <message>
        <source>The key &apos;{key}&apos; is used by two questions.</source>
        <translation>标识“{key}”被两个问题使用。</translation>
    </message>
    <message>
        <source>The key &apos;{key}&apos; is reserved.</source>
        <translation>标识“{key}”是保留字。</translation>
    </message>
    <message>
        <source>The question has no text.</source>
        <translation>问题没有文字。</translation>
    </message>
    <message>
        <source>Unknown question type &apos;{type}&apos;; use one of: {types}.</source>
        <translation>未知的问题类型“{type}”;请使用以下之一:{types}。</translation>
    </message>
    <message>
        <source>Unknown tag &apos;{tag}&apos;; use one of: {tags}.</source>
        <translation>未知的标记“{tag}”;请使用以下之一:{tags}。</translation>
    </message>
    <message>
        <source>The scale&apos;s lowest value must be below its highest.</source>
        <translation>量表的最小值必须小于最大值。</translation>
    </message>
    <message>
        <source>A choice question needs at least two choices.</source>
        <translation>选择题至少需要两个选项。</translation>
    </message>
    <message>
        <source>A yes/no question has exactly the choices &apos;yes&apos; and &apos;no&apos;.</source>
        <translation>是非题只能有“yes”和“no”两个选项。</translation>
    </message>
    <message>
        <source>The choice has no label.</source>
        <translation>选项没有显示文字。</translation>
    </message>
    <message>
        <source>The choice has no value.</source>
        <translation>选项没有取值。</translation>
    </message>
    <message>
        <source>The choice value &apos;{value}&apos; is used twice in this question.</source>
        <translation>选项取值“{value}”在本问题中重复使用。</translation>
    </message>
    <message>
        <source>Unknown defection reason &apos;{reason}&apos;; use one of: {reasons}.</source>
        <translation>未知的流失原因“{reason}”;请使用以下之一:{reasons}。</translation>
    </message>
    <message>
        <source>The weight for &apos;{reason}&apos; is not a number.</source>
        <translation>“{reason}”的权重不是数字。</translation>
    </message>
    <message>
        <source>Only choice and yes/no questions have choices.</source>
        <translation>只有选择题和是非题才有选项。</translation>
    </message>
    <message>
        <source>The branch from &apos;{source}&apos; back to &apos;{target}&apos; makes a loop.</source>
        <translation>从“{source}”跳回“{target}”的分支形成了循环。</translation>
    </message>
    <message>
        <source>No path of answers reaches the question &apos;{key}&apos;.</source>
        <translation>没有任何回答路径能到达问题“{key}”。</translation>
    </message>
</context>
</TS>
