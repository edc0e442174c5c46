<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Nothing was imported: some rows have errors and the import was set to all or nothing. Go back to the options, or import the valid rows only.</source>
        <translation>未导入任何数据：部分行有错误，且导入设置为“全部或全不”。可返回选项，或只导入有效行。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import purchases</source>
        <extracomment>emitted after an import or an undo changed customers which kind of list: ``customers`` or ``purchases``</extracomment>
        <translation>导入购买记录</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>This file has no column {columns}; those fields stay unmapped.</source>
        <translation>该文件没有列 {columns}；这些字段保持未映射。</translation>
    </message>
    <message>
        <source>Mapping &quot;{name}&quot; saved.</source>
        <translation>映射“{name}”已保存。</translation>
    </message>
    <message>
        <source>Waiting for another import of this database to finish…</source>
        <translation>正在等待该数据库的另一次导入完成…</translation>
    </message>
    <message>
        <source>Imported {done} of {total} rows…</source>
        <translation>已导入 {done} / {total} 行…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{n} row read</source>
        <translation>共读取 {n} 行</translation>
    </message>
    <message>
        <source>{n} rows read</source>
        <translation>共读取 {n} 行</translation>
    </message>
    <message>
        <source>{rows}: {inserted}, {unchanged} imported before, {rejected} rejected.</source>
        <translation>{rows}：{inserted}，{unchanged} 笔此前已导入，拒绝 {rejected} 行。</translation>
    </message>
    <message>
        <source>{n} new purchase</source>
        <translation>新增购买 {n} 笔</translation>
    </message>
    <message>
        <source>{n} new purchases</source>
        <translation>新增购买 {n} 笔</translation>
    </message>
    <message>
        <source>Early-warning scan: {n} customer flagged at risk (see the At-risk screen).</source>
        <translation>流失预警扫描：{n} 位客户被标记为有流失风险（见“流失风险”界面）。</translation>
    </message>
    <message>
        <source>{rows}: {inserted}, {updated} updated, {skipped} skipped, {rejected} rejected.</source>
        <translation>{rows}：{inserted}，更新 {updated} 位，跳过 {skipped} 行，拒绝 {rejected} 行。</translation>
    </message>
    <message>
        <source>{n} new customer</source>
        <translation>新增 {n} 位客户</translation>
    </message>
    <message>
        <source>{n} new customers</source>
        <translation>新增 {n} 位客户</translation>
    </message>
    <message>
        <source>{n} early-warning flag closed: the list changed that customer&apos;s status.</source>
        <translation>已关闭 {n} 条预警：名单更改了该客户的状态。</translation>
    </message>
    <message>
        <source>Early-warning scan: {n} customers flagged at risk (see the At-risk screen).</source>
        <translation>流失预警扫描：{n} 位客户被标记为有流失风险（见“流失风险”界面）。</translation>
    </message>
    <message>
        <source>{n} early-warning flags closed: the list changed those customers&apos; status.</source>
        <translation>已关闭 {n} 条预警：名单更改了这些客户的状态。</translation>
    </message>
    <message>
        <source>The import is finished.</source>
        <translation>导入已完成。</translation>
    </message>
    <message>
        <source>Import batch #{id}.</source>
        <translation>导入批次 #{id}。</translation>
    </message>
    <message>
        <source>Nothing was imported: no row can be imported. The error report gives each row&apos;s reason; fix the file, or go back to the options.</source>
        <translation>未导入任何数据：没有可导入的行。错误报告列出了每一行的原因；请修改文件，或返回选项页。</translation>
    </message>
    <message>
        <source>The import did not run.</source>
        <translation>导入未执行。</translation>
    </message>
    <message>
        <source>Error report saved to {path}.</source>
        <translation>错误报告已保存到 {path}。</translation>
    </message>
    <message>
        <source>Import #{id} undone: {removed} purchases removed, the rhythm of {restored} customers recomputed.</source>
        <translation>导入 #{id} 已撤销：删除 {removed} 笔购买，重新计算了 {restored} 位客户的购买节奏。</translation>
    </message>
    <message>
        <source>Import #{id} undone: {removed} customers removed, {restored} restored.</source>
        <translation>导入 #{id} 已撤销：删除 {removed} 位客户，恢复 {restored} 位。</translation>
    </message>
</context>
</TS>
