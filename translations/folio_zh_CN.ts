<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>folio::Authoring</name>
    <message>
        <source>Post</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>论文</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation>教学</translation>
    </message>
    <message>
        <source>Portfolio item</source>
        <translation>作品集条目</translation>
    </message>
    <message>
        <source>Give the new document a title.</source>
        <translation>请为新文档填写标题。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: check its permissions.</source>
        <translation>无法创建文件夹 %1：请检查其权限。</translation>
    </message>
    <message>
        <source>Cannot write %1: check the folder&apos;s permissions and free space.</source>
        <translation>无法写入 %1：请检查文件夹权限和可用磁盘空间。</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2: check the folder&apos;s permissions.</source>
        <translation>无法将 %1 重命名为 %2：请检查文件夹权限。</translation>
    </message>
    <message>
        <source>%1 is not in _drafts: only drafts are published.</source>
        <translation>%1 不在 _drafts 中：只有草稿可以发布。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: check the folder&apos;s permissions.</source>
        <translation>无法写入 %1：请检查文件夹权限。</translation>
    </message>
    <message>
        <source>Published to %1 but cannot remove the draft %2: remove it by hand.</source>
        <translation>已发布到 %1，但无法删除草稿 %2：请手动删除。</translation>
    </message>
    <message>
        <source>Cannot move %1 to the trash: the system has no trash for this folder.</source>
        <translation>无法将 %1 移到回收站：系统没有为此文件夹提供回收站。</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2: check the folder&apos;s permissions.</source>
        <translation>无法将 %1 复制到 %2：请检查文件夹权限。</translation>
    </message>
    <message>
        <source>Cannot save the pasted image to %1: check the folder&apos;s permissions.</source>
        <translation>无法将粘贴的图片保存到 %1：请检查文件夹权限。</translation>
    </message>
    <message>
        <source>New Document</source>
        <translation>新建文档</translation>
    </message>
    <message>
        <source>Save as a draft (_drafts/, published later)</source>
        <translation>保存为草稿（_drafts/，稍后发布）</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>folio::app</name>
    <message>
        <source>GitHub Pages does not run the plugin “%1”: what it adds will be missing there (Folio builds it). Publish the built site to a branch instead, or remove the plugin.</source>
        <translation>GitHub Pages 不运行插件“%1”：它生成的内容在那里将会缺失（Folio 会构建它）。请改为将构建好的站点发布到一个分支，或移除该插件。</translation>
    </message>
    <message>
        <source>GitHub Pages builds in safe mode and does not run _plugins/%1; what it adds will be missing there.</source>
        <translation>GitHub Pages 以安全模式构建，不运行 _plugins/%1；它生成的内容在那里将会缺失。</translation>
    </message>
    <message>
        <source>kramdown drops the backslashes of its \( \) or \[ \] delimiters, so it is not math there</source>
        <translation>kramdown 会去掉 \( \) 或 \[ \] 定界符的反斜杠，因此在那里不再是数学公式</translation>
    </message>
    <message>
        <source>a | makes kramdown read the line as a table</source>
        <translation>其中的 | 会让 kramdown 把这一行当作表格</translation>
    </message>
    <message>
        <source>a pair of _ becomes emphasis</source>
        <translation>成对的 _ 会变成强调</translation>
    </message>
    <message>
        <source>a pair of * becomes emphasis</source>
        <translation>成对的 * 会变成强调</translation>
    </message>
    <message>
        <source>kramdown turns \\ into \ (line breaks are lost)</source>
        <translation>kramdown 会把 \\ 变成 \（换行会丢失）</translation>
    </message>
    <message>
        <source>kramdown removes the backslash of \%1</source>
        <translation>kramdown 会去掉 \%1 的反斜杠</translation>
    </message>
    <message>
        <source>%1 renders with Folio but GitHub Pages&apos; kramdown would break it: %2.</source>
        <translation>%1 在 Folio 中可以正常渲染，但 GitHub Pages 的 kramdown 会破坏它：%2。</translation>
    </message>
    <message>
        <source>My Academic Site</source>
        <translation>我的学术主页</translation>
    </message>
</context>
<context>
    <name>folio::app::Authoring</name>
    <message>
        <source>New &amp;Post…</source>
        <translation>新建文章(&amp;P)…</translation>
    </message>
    <message>
        <source>New P&amp;age…</source>
        <translation>新建页面(&amp;A)…</translation>
    </message>
    <message>
        <source>New Collection &amp;Item…</source>
        <translation>新建集合条目(&amp;I)…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <source>Move to &amp;Trash…</source>
        <translation>移到回收站(&amp;T)…</translation>
    </message>
    <message>
        <source>P&amp;ublish Draft</source>
        <translation>发布草稿(&amp;U)</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Folio</translation>
    </message>
    <message>
        <source>Move %1 to the trash? Unsaved changes to it are lost too.</source>
        <translation>将 %1 移到回收站吗？它未保存的更改也会丢失。</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>New name (the date prefix is kept):</source>
        <translation>新名称（保留日期前缀）：</translation>
    </message>
</context>
<context>
    <name>folio::app::DiagnosticsPanel</name>
    <message>
        <source>(site)</source>
        <translation>（站点）</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Open document: %1</source>
        <translation>打开的文档：%1</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Diagnostics (%1 errors, %2 warnings)</source>
        <translation>诊断（%1 个错误，%2 个警告）</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>folio::app::DocumentSession</name>
    <message>
        <source>Folio</source>
        <translation>Folio</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2. The text is still in the editor and in the recovery folder; free some space or fix the folder&apos;s permissions, then save again.</source>
        <translation>无法保存 %1：%2。文本仍在编辑器和恢复文件夹中；请释放一些磁盘空间或修正文件夹权限，然后再次保存。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Restored unsaved text of %1; save to keep it</source>
        <translation>已恢复 %1 未保存的文本；保存后才会保留</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 有未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <source>%1 was changed on disk by another program, and you have unsaved changes.</source>
        <translation>%1 已被其他程序在磁盘上修改，而你还有未保存的更改。</translation>
    </message>
    <message>
        <source>Keep your text (saving will overwrite the other program&apos;s changes), or load the file as it is on disk (your changes can be undone back).</source>
        <translation>保留你的文本（保存时会覆盖其他程序的更改），或载入磁盘上的文件（你的更改可以通过撤销找回）。</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>保留我的版本(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Load Theirs</source>
        <translation>载入磁盘版本(&amp;L)</translation>
    </message>
    <message>
        <source>Cannot write the recovery copy to %1</source>
        <translation>无法将恢复副本写入 %1</translation>
    </message>
    <message>
        <source>%1 was deleted on disk; its text stays here, unsaved</source>
        <translation>%1 已在磁盘上被删除；其文本保留在此处，尚未保存</translation>
    </message>
    <message>
        <source>Reloaded %1: it was changed on disk</source>
        <translation>已重新载入 %1：它在磁盘上被修改了</translation>
    </message>
    <message>
        <source>%1[*] — Folio</source>
        <translation>%1[*] — Folio</translation>
    </message>
    <message>
        <source>%1[*] — %2 — Folio</source>
        <translation>%1[*] — %2 — Folio</translation>
    </message>
    <message>
        <source>%1 — Folio</source>
        <translation>%1 — Folio</translation>
    </message>
</context>
<context>
    <name>folio::app::GitDialog</name>
    <message>
        <source>Commit the site&apos;s &amp;sources</source>
        <translation>提交站点的源文件(&amp;S)</translation>
    </message>
    <message>
        <source>Commit the &amp;built site to branch:</source>
        <translation>将构建好的站点提交到分支(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Push to the remote</source>
        <translation>推送到远程仓库(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>提交(&amp;C)</translation>
    </message>
    <message>
        <source>Git</source>
        <translation>Git</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>说明改动内容</translation>
    </message>
    <message>
        <source>Update the site</source>
        <translation>更新站点</translation>
    </message>
    <message>
        <source>Looking for a remote…</source>
        <translation>正在查找远程仓库…</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>提交说明：</translation>
    </message>
    <message>
        <source>No remote is set</source>
        <translation>未设置远程仓库</translation>
    </message>
    <message>
        <source>Push to %1</source>
        <translation>推送到 %1</translation>
    </message>
    <message>
        <source>Failed: </source>
        <translation>失败：</translation>
    </message>
    <message numerus="yes">
        <source>Not pushed: %n GitHub Pages warning(s) not confirmed.
</source>
        <translation>
            <numerusform>未推送：有 %n 条 GitHub Pages 警告未确认。
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::app::GitRepository</name>
    <message>
        <source>Cannot run git (%1). Install git and make sure it is on the PATH.</source>
        <translation>无法运行 git（%1）。请安装 git，并确保它在 PATH 中。</translation>
    </message>
    <message>
        <source>No remote is set, so nothing was pushed.</source>
        <translation>未设置远程仓库，因此没有推送任何内容。</translation>
    </message>
    <message>
        <source>Pushing to %1 failed:</source>
        <translation>推送到 %1 失败：</translation>
    </message>
    <message>
        <source>Pushed to %1.</source>
        <translation>已推送到 %1。</translation>
    </message>
    <message>
        <source>The site is not in a git repository (run “git init” in its folder first).</source>
        <translation>站点不在 git 仓库中（请先在其文件夹中运行“git init”）。</translation>
    </message>
    <message>
        <source>git could not stage the site&apos;s changes:</source>
        <translation>git 无法暂存站点的更改：</translation>
    </message>
    <message>
        <source>Nothing to commit: the site&apos;s sources are as in the last commit.</source>
        <translation>没有可提交的内容：站点的源文件与上次提交相同。</translation>
    </message>
    <message>
        <source>git could not commit:</source>
        <translation>git 无法提交：</translation>
    </message>
    <message>
        <source>Committed: %1</source>
        <translation>已提交：%1</translation>
    </message>
    <message>
        <source>%1 does not exist: publish the site first.</source>
        <translation>%1 不存在：请先发布站点。</translation>
    </message>
    <message>
        <source>“%1” is not a valid branch name.</source>
        <translation>“%1”不是有效的分支名。</translation>
    </message>
    <message>
        <source>“%1” is the branch checked out in your working tree; Folio commits the built site only to another branch. Switch branches or choose another name.</source>
        <translation>“%1”是你的工作树当前检出的分支；Folio 只会把构建好的站点提交到其他分支。请切换分支或选择其他名称。</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder: %1</source>
        <translation>无法创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>git could not read the built site:</source>
        <translation>git 无法读取构建好的站点：</translation>
    </message>
    <message>
        <source>git could not write .nojekyll:</source>
        <translation>git 无法写入 .nojekyll：</translation>
    </message>
    <message>
        <source>git could not add .nojekyll:</source>
        <translation>git 无法添加 .nojekyll：</translation>
    </message>
    <message>
        <source>git could not write the tree:</source>
        <translation>git 无法写入树对象：</translation>
    </message>
    <message>
        <source>Nothing to commit: %1 already holds this build.</source>
        <translation>没有可提交的内容：%1 已包含这次构建。</translation>
    </message>
    <message>
        <source>git could not commit the built site:</source>
        <translation>git 无法提交构建好的站点：</translation>
    </message>
    <message>
        <source>git could not move %1:</source>
        <translation>git 无法移动 %1：</translation>
    </message>
    <message>
        <source>Committed the built site to %1 (%2).</source>
        <translation>已将构建好的站点提交到 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>folio::app::MainWindow</name>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Folio</translation>
    </message>
    <message>
        <source>Filter files</source>
        <translation>筛选文件</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Site…</source>
        <translation>打开站点(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Cannot open the site: %1</source>
        <translation>无法打开站点：%1</translation>
    </message>
    <message>
        <source>%1 — Folio</source>
        <translation>%1 — Folio</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the site</source>
        <translation>
            <numerusform>站点中有 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Config</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Open Site</source>
        <translation>打开站点</translation>
    </message>
    <message>
        <source>New &amp;Site…</source>
        <translation>新建站点(&amp;S)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>The preview works offline and blocked %1</source>
        <translation>预览离线工作，已阻止 %1</translation>
    </message>
    <message>
        <source>%1 changed: the preview shows the site rebuilt</source>
        <translation>%1 已更改：预览显示的是重新构建后的站点</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>站点(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>发布(&amp;P)…</translation>
    </message>
    <message>
        <source>Build the whole site into its output folder (Ctrl+Shift+B)</source>
        <translation>将整个站点构建到其输出文件夹（Ctrl+Shift+B）</translation>
    </message>
    <message>
        <source>&amp;Git…</source>
        <translation>&amp;Git…</translation>
    </message>
    <message>
        <source>Commit the sources or the built site with git</source>
        <translation>用 git 提交源文件或构建好的站点</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Open a site first.</source>
        <translation>请先打开一个站点。</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <source>Find in &amp;Site…</source>
        <translation>在站点中查找(&amp;S)…</translation>
    </message>
    <message>
        <source>Publications</source>
        <translation>论文</translation>
    </message>
    <message>
        <source>Talks</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation>教学</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>作品集</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>folio::app::NewSiteDialog</name>
    <message>
        <source>New Site</source>
        <translation>新建站点</translation>
    </message>
    <message>
        <source>e.g. Ada Lovelace&apos;s homepage</source>
        <translation>例如：张三的个人主页</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Create Site</source>
        <translation>创建站点</translation>
    </message>
    <message>
        <source>Folio copies its starter site (about, publications, talks, teaching, blog, CV) into an empty folder. Everything can be changed afterwards.</source>
        <translation>Folio 会把它的入门站点（简介、论文、报告、教学、博客、简历）复制到一个空文件夹中。之后所有内容都可以修改。</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>作者(&amp;A)：</translation>
    </message>
    <message>
        <source>Folder for the New Site</source>
        <translation>新站点的文件夹</translation>
    </message>
    <message>
        <source>Choose a folder for the site.</source>
        <translation>请为站点选择一个文件夹。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 是文件，不是文件夹。</translation>
    </message>
    <message>
        <source>%1 is not empty: choose an empty or new folder.</source>
        <translation>%1 不是空的：请选择一个空文件夹或新文件夹。</translation>
    </message>
</context>
<context>
    <name>folio::app::PagesWarningsDialog</name>
    <message>
        <source>GitHub Pages Will Render This Differently</source>
        <translation>GitHub Pages 的渲染结果会有所不同</translation>
    </message>
    <message>
        <source>GitHub Pages builds the pushed sources with its own Jekyll, not with Folio. These parts of the site will look different there:</source>
        <translation>GitHub Pages 用它自己的 Jekyll（而不是 Folio）构建推送的源文件。站点的以下部分在那里会显示得不一样：</translation>
    </message>
    <message>
        <source>To publish exactly what Folio shows, commit the built site to a branch (such as gh-pages) and let GitHub Pages serve that branch.</source>
        <translation>要发布与 Folio 显示完全一致的内容，请将构建好的站点提交到一个分支（例如 gh-pages），并让 GitHub Pages 提供该分支。</translation>
    </message>
    <message>
        <source>Push Anyway</source>
        <translation>仍然推送</translation>
    </message>
</context>
<context>
    <name>folio::app::PublishDialog</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Publish %1</source>
        <translation>发布 %1</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>输出文件夹：</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes: the site is built from the files on disk, so those changes are not published until you save them.</source>
        <translation>“%1”有未保存的更改：站点是根据磁盘上的文件构建的，因此这些更改在保存之前不会被发布。</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Building the site…</source>
        <translation>正在构建站点…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Nothing was published: %1</source>
        <translation>没有发布任何内容：%1</translation>
    </message>
    <message numerus="yes">
        <source>Publishing was cancelled: %1 holds only part of the site (%n page(s) written so far). Publish again to complete it.</source>
        <translation>
            <numerusform>发布已取消：%1 只包含站点的一部分（目前已写入 %n 个页面）。请再次发布以完成。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Published %n page(s)</source>
        <translation>
            <numerusform>已发布 %n 个页面</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 files, %2 changed).</source>
        <translation>（共 %1 个文件，%2 个有变化）。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) not written because of errors (see the Diagnostics panel).</source>
        <translation>
            <numerusform>%n 个页面因错误未写入（请查看诊断面板）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n static file(s) in %1 s</source>
        <translation>
            <numerusform>和 %n 个静态文件，用时 %1 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation>输出位置：%1</translation>
    </message>
</context>
<context>
    <name>folio::app::RecentSites</name>
    <message>
        <source>No recent sites</source>
        <translation>没有最近打开的站点</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
</context>
<context>
    <name>folio::app::RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Text</source>
        <translation>恢复未保存的文本</translation>
    </message>
    <message>
        <source>Folio found text that was not saved when it last stopped. Restore opens it in the editor as unsaved changes; the file on disk stays as it is until you save.</source>
        <translation>Folio 发现了上次退出时未保存的文本。“恢复”会在编辑器中以未保存更改的形式打开它；在你保存之前，磁盘上的文件保持不变。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Decide &amp;Later</source>
        <translation>稍后决定(&amp;L)</translation>
    </message>
    <message>
        <source>The file no longer exists on disk; restoring keeps the text as a new unsaved file.</source>
        <translation>该文件在磁盘上已不存在；恢复后文本将作为一个未保存的新文件保留。</translation>
    </message>
    <message>
        <source>The file changed on disk after this text was opened; compare before saving.</source>
        <translation>打开此文本后，磁盘上的文件已被修改；保存前请先比较。</translation>
    </message>
</context>
<context>
    <name>folio::app::SiteSearchPanel</name>
    <message>
        <source>Find in Site</source>
        <translation>在站点中查找</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>全字匹配</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace All…</source>
        <translation>全部替换…</translation>
    </message>
    <message>
        <source>Find in every file of the site</source>
        <translation>在站点的所有文件中查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Open a site first</source>
        <translation>请先打开一个站点</translation>
    </message>
    <message>
        <source>Invalid expression: %1</source>
        <translation>无效的表达式：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 处匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replacement(s)</source>
        <translation>
            <numerusform>%n 处替换</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written</source>
        <translation>
            <numerusform>已写入 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>the open document changed in the editor (not saved)</source>
        <translation>打开的文档已在编辑器中更改（未保存）</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>These files could not be written and were left as they were:
%1</source>
        <translation>以下文件无法写入，已保持原样：
%1</translation>
    </message>
    <message numerus="yes">
        <source>Replace %n match(es)</source>
        <translation>
            <numerusform>将 %n 处匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n file(s) with “%1”? The open document changes in the editor; other files are saved.</source>
        <translation>
            <numerusform>（位于 %n 个文件中）替换为“%1”？打开的文档在编辑器中更改；其他文件会直接保存。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::editor::FindBar</name>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>全字匹配</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配（Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配（F3）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 处匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrapped</source>
        <translation>已回绕查找</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>已替换 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>Invalid expression</source>
        <translation>无效的表达式</translation>
    </message>
    <message>
        <source>%1+ matches</source>
        <translation>%1+ 处匹配</translation>
    </message>
</context>
<context>
    <name>folio::editor::FrontMatterForm</name>
    <message>
        <source>zero-width space</source>
        <translation>零宽空格</translation>
    </message>
    <message>
        <source>zero-width non-joiner</source>
        <translation>零宽非连接符</translation>
    </message>
    <message>
        <source>zero-width joiner</source>
        <translation>零宽连接符</translation>
    </message>
    <message>
        <source>word joiner</source>
        <translation>词连接符</translation>
    </message>
    <message>
        <source>zero-width no-break space</source>
        <translation>零宽不换行空格</translation>
    </message>
    <message>
        <source>no-break space</source>
        <translation>不换行空格</translation>
    </message>
    <message>
        <source>narrow no-break space</source>
        <translation>窄不换行空格</translation>
    </message>
    <message>
        <source>figure space</source>
        <translation>数字空格</translation>
    </message>
    <message>
        <source>soft hyphen</source>
        <translation>软连字符</translation>
    </message>
    <message>
        <source>direction mark</source>
        <translation>方向标记</translation>
    </message>
    <message>
        <source>The link contains an invisible character (%1, U+%2) at position %3: delete it or type the link again.</source>
        <translation>链接在第 %3 个字符处包含一个不可见字符（%1，U+%2）：请删除它或重新输入链接。</translation>
    </message>
    <message>
        <source>The link has spaces at its start or end: remove them.</source>
        <translation>链接的开头或结尾有空格：请删除。</translation>
    </message>
    <message>
        <source>This is not a link: write a full address (https://…) or a path of the site starting with /.</source>
        <translation>这不是链接：请填写完整地址（https://…）或以 / 开头的站点路径。</translation>
    </message>
    <message>
        <source>Show as text</source>
        <translation>显示为文本</translation>
    </message>
    <message>
        <source>Show the whole front matter as YAML text</source>
        <translation>以 YAML 文本显示全部前置元数据</translation>
    </message>
    <message>
        <source>Move into the front matter</source>
        <translation>移入前置元数据</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>没有文档</translation>
    </message>
    <message>
        <source>Front matter of %1 (%2)</source>
        <translation>%1 的前置元数据（%2）</translation>
    </message>
    <message>
        <source>⚠ Lines %1–%2 hold front matter keys (%3) below the closing ---: Jekyll shows them as text and the page misses them.</source>
        <translation>⚠ 第 %1–%2 行在结束的 --- 之后包含前置元数据键（%3）：Jekyll 会把它们显示为正文，页面也不会读取它们。</translation>
    </message>
    <message>
        <source>A field academicpages uses for %1</source>
        <translation>academicpages 用于 %1 的字段</translation>
    </message>
    <message>
        <source>A key of this document, the defaults or other files of %1</source>
        <translation>来自本文档、默认值或 %1 中其他文件的键</translation>
    </message>
    <message>
        <source>Items separated by commas</source>
        <translation>用逗号分隔各项</translation>
    </message>
    <message>
        <source>Items separated by commas. Used in this collection: %1</source>
        <translation>用逗号分隔各项。此集合中已使用：%1</translation>
    </message>
    <message>
        <source>YAML text of this value</source>
        <translation>此值的 YAML 文本</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>The front matter does not load: %1</source>
        <translation>无法载入前置元数据：%1</translation>
    </message>
    <message>
        <source>not set (default: %1)</source>
        <translation>未设置（默认：%1）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Show as form</source>
        <translation>显示为表单</translation>
    </message>
</context>
<context>
    <name>folio::editor::MarkdownEditor</name>
    <message>
        <source>Spell checking is off: no Hunspell dictionary is installed (e.g. the hunspell-en-us package).</source>
        <translation>拼写检查已关闭：未安装 Hunspell 词典（例如 hunspell-en-us 软件包）。</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>没有建议</translation>
    </message>
    <message>
        <source>Add “%1” to Dictionary</source>
        <translation>将“%1”添加到词典</translation>
    </message>
</context>
<context>
    <name>folio::preview::PreviewView</name>
    <message>
        <source>The preview could not be rendered.</source>
        <translation>无法渲染预览。</translation>
    </message>
</context>
<context>
    <name>folio::site::bib</name>
    <message>
        <source>the @comment at line %1 is not closed %2: close it with &apos;}&apos; (the entries after it are read)</source>
        <translation>第 %1 行的 @comment %2未闭合：请用 &apos;}&apos; 将其闭合（其后的条目仍会被读取）</translation>
    </message>
    <message>
        <source>before the next entry on line %1</source>
        <translation>在第 %1 行开始的下一个条目之前</translation>
    </message>
    <message>
        <source>before the end of the file</source>
        <translation>在文件结束之前</translation>
    </message>
    <message>
        <source>close the brace of the field &apos;%1&apos; on line %2</source>
        <translation>请闭合第 %2 行字段 &apos;%1&apos; 的花括号</translation>
    </message>
    <message>
        <source>close the brace opened on line %1</source>
        <translation>请闭合第 %1 行打开的花括号</translation>
    </message>
    <message>
        <source>end the entry with &apos;}&apos;</source>
        <translation>请用 &apos;}&apos; 结束该条目</translation>
    </message>
    <message>
        <source>unbalanced braces in %1 starting at line %2: a brace is not closed %3; %4. The entry was skipped.</source>
        <translation>%1（始于第 %2 行）中的花括号不配对：有一个花括号%3未闭合；%4。已跳过该条目。</translation>
    </message>
    <message>
        <source>the @%1 entry</source>
        <translation>@%1 条目</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos;</source>
        <translation>条目 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the @%1 entry at line %2 has no key: write one after &apos;@%3{&apos;, for example &apos;@%3{smith2020,&apos;. The entry was skipped.</source>
        <translation>第 %2 行的 @%1 条目没有引用键：请在 &apos;@%3{&apos; 之后写上引用键，例如 &apos;@%3{smith2020,&apos;。已跳过该条目。</translation>
    </message>
    <message>
        <source>%1 uses the string &apos;%2&apos;, which is not defined (read as empty): define it with @string{%2 = {...}} before the entry, or write the value in braces</source>
        <translation>%1 使用了未定义的字符串 &apos;%2&apos;（按空值读取）：请在该条目之前用 @string{%2 = {...}} 定义它，或把值写在花括号中</translation>
    </message>
    <message>
        <source>the string &apos;%1&apos; is defined a second time: the later definition is used from here on; remove one of them</source>
        <translation>字符串 &apos;%1&apos; 被再次定义：从此处起使用后一个定义；请删除其中一个</translation>
    </message>
    <message>
        <source>%1 starting at line %2: a comma is missing before &apos;%3&apos;: end the value before it with &apos;,&apos;. The entry was skipped.</source>
        <translation>%1（始于第 %2 行）：&apos;%3&apos; 之前缺少逗号：请用 &apos;,&apos; 结束它前面的值。已跳过该条目。</translation>
    </message>
    <message>
        <source>syntax error in %1 starting at line %2: %3. The entry was skipped: check the commas between fields and the braces or quotes around values.</source>
        <translation>%1（始于第 %2 行）中有语法错误：%3。已跳过该条目：请检查字段之间的逗号，以及值两侧的花括号或引号。</translation>
    </message>
    <message>
        <source>in %1: %2</source>
        <translation>%1 中：%2</translation>
    </message>
    <message>
        <source>%1 starting at line %2 could not be read; the entry was skipped: check its commas, braces and quotes.</source>
        <translation>%1（始于第 %2 行）无法读取，已跳过该条目：请检查其中的逗号、花括号和引号。</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; has the field &apos;%2&apos; twice (lines %3 and %4): the first is used; remove one</source>
        <translation>条目 &apos;%1&apos; 中字段 &apos;%2&apos; 出现了两次（第 %3 行和第 %4 行）：使用第一个；请删除其中一个</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; has the unknown type &apos;@%2&apos;: it is read, but styles treat it as @misc; use a standard type such as @article, @inproceedings or @misc</source>
        <translation>条目 &apos;%1&apos; 的类型 &apos;@%2&apos; 未知：该条目仍会被读取，但样式会把它当作 @misc 处理；请使用标准类型，例如 @article、@inproceedings 或 @misc</translation>
    </message>
    <message>
        <source>duplicate key &apos;%1&apos; at lines %2 and %3: the first entry is used; give the second a different key or remove it</source>
        <translation>第 %2 行和第 %3 行的引用键 &apos;%1&apos; 重复：使用第一个条目；请给第二个条目换一个引用键，或将其删除</translation>
    </message>
    <message>
        <source>text that looks like a field is outside any entry and is ignored: an extra &apos;}&apos; probably ends the entry above early; remove it</source>
        <translation>一段看起来像字段的文本不在任何条目中，已被忽略：可能是多余的 &apos;}&apos; 让上面的条目提前结束了；请删除它</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; has crossref &apos;%2&apos;, which is not in the file: add that entry or remove the crossref field</source>
        <translation>条目 &apos;%1&apos; 的 crossref &apos;%2&apos; 不在文件中：请添加该条目，或删除 crossref 字段</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 (first at line %2): it was read as Latin-1 (Windows-1252); check the accents, and save the file as UTF-8</source>
        <translation>%1 不是 UTF-8 编码（第一处位于第 %2 行）：已按 Latin-1（Windows-1252）读取；请检查重音字符，并以 UTF-8 编码保存文件</translation>
    </message>
    <message>
        <source>the BibTeX text</source>
        <translation>BibTeX 文本</translation>
    </message>
    <message>
        <source>%1 is a folder, not a BibTeX file: choose the .bib file in it</source>
        <translation>%1 是文件夹，不是 BibTeX 文件：请选择其中的 .bib 文件</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>RIS tag %1 outside a record is ignored: a record starts with &apos;TY  - &apos; and ends with &apos;ER  - &apos;</source>
        <translation>记录之外的 RIS 标签 %1 已被忽略：一条记录以 &apos;TY  - &apos; 开始，以 &apos;ER  - &apos; 结束</translation>
    </message>
    <message>
        <source>no RIS records were found: a record starts with &apos;TY  - JOUR&apos; (or another type) and ends with &apos;ER  - &apos;</source>
        <translation>未找到任何 RIS 记录：一条记录以 &apos;TY  - JOUR&apos;（或其他类型）开始，以 &apos;ER  - &apos; 结束</translation>
    </message>
    <message>
        <source>the RIS record starting at line %1 has no &apos;ER  - &apos; line before line %2: it was read to there; end each record with &apos;ER  - &apos;</source>
        <translation>从第 %1 行开始的 RIS 记录在第 %2 行之前没有 &apos;ER  - &apos; 行：已读取到该处为止；请用 &apos;ER  - &apos; 结束每条记录</translation>
    </message>
    <message>
        <source>the RIS record at line %1 has neither a title (TI) nor authors (AU) and was skipped</source>
        <translation>第 %1 行的 RIS 记录既没有标题（TI）也没有作者（AU），已跳过</translation>
    </message>
    <message>
        <source>%1 is not UTF-8: it was read as Latin-1; check the accents, and export it as UTF-8</source>
        <translation>%1 不是 UTF-8 编码：已按 Latin-1 读取；请检查重音字符，并以 UTF-8 编码导出</translation>
    </message>
    <message>
        <source>the RIS text</source>
        <translation>RIS 文本</translation>
    </message>
</context>
<context>
    <name>folio::site::build</name>
    <message>
        <source>not written because of the errors above</source>
        <translation>由于上述错误，未写出此文件</translation>
    </message>
    <message>
        <source>broken image or script &apos;%1&apos;: the site has no %2; fix the address or add the file</source>
        <translation>图片或脚本地址 &apos;%1&apos; 无效：站点中没有 %2；请修正地址或添加该文件</translation>
    </message>
    <message>
        <source>broken link &apos;%1&apos;: the site has no %2; fix the address or add the file</source>
        <translation>链接 &apos;%1&apos; 无效：站点中没有 %2；请修正地址或添加该文件</translation>
    </message>
    <message>
        <source>layout &apos;%1&apos; does not exist; the page is written without it. Check the name or add _layouts/%1.html</source>
        <translation>布局 &apos;%1&apos; 不存在，页面将不套用布局写出。请检查名称，或添加 _layouts/%1.html</translation>
    </message>
    <message>
        <source>output path &apos;%1&apos; is not inside the output folder</source>
        <translation>输出路径 &apos;%1&apos; 不在输出文件夹内</translation>
    </message>
    <message>
        <source>output path &apos;%1&apos; climbs out of the output folder</source>
        <translation>输出路径 &apos;%1&apos; 越出了输出文件夹</translation>
    </message>
    <message>
        <source>output path &apos;%1&apos; is empty</source>
        <translation>输出路径 &apos;%1&apos; 为空</translation>
    </message>
    <message>
        <source>the output folder %1 would contain the site&apos;s own files; choose another folder such as %2/_site</source>
        <translation>输出文件夹 %1 会包含站点自身的源文件；请另选文件夹，例如 %2/_site</translation>
    </message>
    <message>
        <source>cannot create the output folder %1</source>
        <translation>无法创建输出文件夹 %1</translation>
    </message>
    <message>
        <source>output path &apos;%1&apos; is outside the output folder</source>
        <translation>输出路径 &apos;%1&apos; 在输出文件夹之外</translation>
    </message>
    <message>
        <source>%1 is a symbolic link in the output folder; Folio does not write through links</source>
        <translation>%1 是输出文件夹中的符号链接；Folio 不会通过链接写入</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot create %1 to record the build</source>
        <translation>无法创建 %1 来记录本次构建</translation>
    </message>
    <message>
        <source>cannot record the build in %1</source>
        <translation>无法在 %1 中记录本次构建</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <source>in %1 pages</source>
        <translation>出现在 %1 个页面中</translation>
    </message>
</context>
<context>
    <name>folio::site::csl</name>
    <message>
        <source>%1:%2: the CSL style is not well-formed XML: %3. Fix the file, or use an installed style such as &quot;apa&quot;.</source>
        <translation>%1:%2：CSL 样式不是格式正确的 XML：%3。请修正该文件，或使用已安装的样式，例如 &quot;apa&quot;。</translation>
    </message>
    <message>
        <source>%1: citeproc-js cannot format with this CSL style: %2. Fix the style, or use an installed one such as &quot;apa&quot;.</source>
        <translation>%1：citeproc-js 无法用此 CSL 样式进行格式化：%2。请修正该样式，或使用已安装的样式，例如 &quot;apa&quot;。</translation>
    </message>
    <message>
        <source>citeproc-js is not part of this build of Folio, so citations cannot be formatted. Run scripts/install-deps.sh (it puts citeproc-js in resources/citeproc), then configure and build again.</source>
        <translation>此版本的 Folio 构建时未包含 citeproc-js，因此无法格式化引文。请运行 scripts/install-deps.sh（它会把 citeproc-js 放到 resources/citeproc 中），然后重新配置并构建。</translation>
    </message>
    <message>
        <source>citeproc-js could not be loaded: %1</source>
        <translation>无法加载 citeproc-js：%1</translation>
    </message>
    <message>
        <source>citeproc-js gave no answer (%1).</source>
        <translation>citeproc-js 没有返回结果（%1）。</translation>
    </message>
    <message>
        <source>The CSL style file %1 cannot be read: %2.</source>
        <translation>无法读取 CSL 样式文件 %1：%2。</translation>
    </message>
    <message>
        <source>The CSL style &quot;%1&quot; (%2) depends on the style &quot;%3&quot;, which is not installed in %4. Install the citation-style-language-styles package, or use an independent style.</source>
        <translation>CSL 样式 &quot;%1&quot;（%2）依赖于样式 &quot;%3&quot;，但 %4 中没有安装该样式。请安装 citation-style-language-styles 软件包，或使用独立样式。</translation>
    </message>
    <message>
        <source>No CSL style is set. Set a style id such as &quot;apa&quot; or &quot;ieee&quot;, or the path of a .csl file in the site.</source>
        <translation>未设置 CSL 样式。请设置样式 ID（例如 &quot;apa&quot; 或 &quot;ieee&quot;），或站点中某个 .csl 文件的路径。</translation>
    </message>
    <message>
        <source>The CSL style file %1 does not exist. Put the .csl file there, or set an installed style id such as &quot;apa&quot;.</source>
        <translation>CSL 样式文件 %1 不存在。请把 .csl 文件放到那里，或设置已安装样式的 ID，例如 &quot;apa&quot;。</translation>
    </message>
    <message>
        <source>No CSL style &quot;%1&quot; is installed (looked in %2). Use the id of an installed style, such as &quot;apa&quot;, &quot;ieee&quot; or &quot;chicago-author-date&quot;, or the path of a .csl file in the site.</source>
        <translation>未安装 CSL 样式 &quot;%1&quot;（已在 %2 中查找）。请使用已安装样式的 ID，例如 &quot;apa&quot;、&quot;ieee&quot; 或 &quot;chicago-author-date&quot;，或站点中某个 .csl 文件的路径。</translation>
    </message>
</context>
<context>
    <name>folio::site::liquid</name>
    <message>
        <source>Liquid error: %1</source>
        <translation>Liquid 错误：%1</translation>
    </message>
    <message>
        <source>Unknown filter &apos;%1&apos;: Jekyll ignores it and passes the input through unchanged</source>
        <translation>未知过滤器 &apos;%1&apos;：Jekyll 会忽略它，原样输出输入内容</translation>
    </message>
    <message>
        <source>Liquid syntax warning (the lax parser was used): %1</source>
        <translation>Liquid 语法警告（已改用宽松解析器）：%1</translation>
    </message>
    <message>
        <source>Liquid syntax error: %1</source>
        <translation>Liquid 语法错误：%1</translation>
    </message>
</context>
<context>
    <name>folio::site::model</name>
    <message>
        <source>cannot read the configuration: %1</source>
        <translation>无法读取配置：%1</translation>
    </message>
    <message>
        <source>%1 (the site is built with Jekyll&apos;s default settings until this is fixed)</source>
        <translation>%1（修正之前，站点按 Jekyll 的默认设置构建）</translation>
    </message>
    <message>
        <source>the configuration must be a mapping of `key: value` lines</source>
        <translation>配置必须由 `key: value` 形式的行组成</translation>
    </message>
    <message>
        <source>defaults entry %1 has no `values:` mapping and is ignored</source>
        <translation>defaults 的第 %1 项没有 `values:` 映射，已忽略</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>the file is not valid UTF-8 and is skipped; re-save it as UTF-8</source>
        <translation>文件不是有效的 UTF-8 编码，已跳过；请以 UTF-8 编码重新保存</translation>
    </message>
    <message>
        <source>%1 and %2 are both written to %3; only %2 is written, as Jekyll would leave it. Give one of them another permalink</source>
        <translation>%1 和 %2 都会写到 %3；与 Jekyll 的结果一致，只写出 %2。请为其中一个设置其他 permalink</translation>
    </message>
    <message>
        <source>%1 — the front matter is ignored until this is fixed</source>
        <translation>%1 —— 修正之前，front matter 将被忽略</translation>
    </message>
    <message>
        <source>front matter keys found in the body of %1 (%2): the front matter between the --- lines is empty; move these lines up between them</source>
        <translation>在 %1 的正文中发现 front matter 键（%2）：两条 --- 之间的 front matter 为空；请把这些行移到两条 --- 之间</translation>
    </message>
    <message>
        <source>invalid date &apos;%1&apos;: write it as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS +/-TTTT</source>
        <translation>日期 &apos;%1&apos; 无效：请写成 YYYY-MM-DD 或 YYYY-MM-DD HH:MM:SS +/-TTTT</translation>
    </message>
    <message>
        <source>skipped: it has a future date (set `future: true` or build with --future to include it)</source>
        <translation>已跳过：日期在未来（设置 `future: true` 或使用 --future 构建即可包含）</translation>
    </message>
    <message>
        <source>%1 — site.data.%2 is empty until this is fixed</source>
        <translation>%1 —— 修正之前，site.data.%2 为空</translation>
    </message>
    <message>
        <source>permalink &apos;%1&apos; points outside the site; remove the &apos;..&apos; segments</source>
        <translation>permalink &apos;%1&apos; 指向站点之外；请删除其中的 &apos;..&apos;</translation>
    </message>
    <message>
        <source>the permalink template has an unknown placeholder &apos;:%1&apos;; check the `permalink` setting</source>
        <translation>permalink 模板中有未知占位符 &apos;:%1&apos;；请检查 `permalink` 设置</translation>
    </message>
    <message>
        <source>the collection &apos;%1&apos; is read as &apos;%2&apos; (from _%2/, without the settings given under &apos;%1&apos;), as Jekyll does: name it &apos;%2&apos;</source>
        <translation>集合 &apos;%1&apos; 会被当作 &apos;%2&apos; 读取（来自 _%2/，不带 &apos;%1&apos; 下的设置），与 Jekyll 一致：请将其命名为 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>`%1` is not supported: Folio highlights code as Rouge&apos;s HTML formatter does, or not at all; code is written without highlighting and the rest of the site is built</source>
        <translation>不支持 `%1`：Folio 只按 Rouge 的 HTML 格式器的方式高亮代码，或者不高亮；代码将不加高亮地输出，网站其余部分照常构建</translation>
    </message>
    <message>
        <source>`%1` is not supported: Folio highlights code as Rouge&apos;s HTML formatter does, or not at all; the setting is ignored and the rest of the site is built</source>
        <translation>不支持 `%1`：Folio 只按 Rouge 的 HTML 格式器的方式高亮代码，或者不高亮；此设置被忽略，网站其余部分照常构建</translation>
    </message>
</context>
<context>
    <name>folio::site::plugins</name>
    <message>
        <source>Pagination is enabled, but there is no index.html page to use as the pagination template: add one in the folder of paginate_path (&apos;%1&apos;), or remove `paginate`</source>
        <translation>已启用分页，但没有可作为分页模板的 index.html 页面：请在 paginate_path（&apos;%1&apos;）所在的文件夹中添加一个，或删除 `paginate`</translation>
    </message>
    <message>
        <source>`paginate: %1` must be a number of posts per page greater than 0</source>
        <translation>`paginate: %1` 必须是大于 0 的每页文章数</translation>
    </message>
    <message>
        <source>:emoji: shortcodes stay as plain text</source>
        <translation>:emoji: 短代码保持为纯文本</translation>
    </message>
    <message>
        <source>category, tag and date archive pages are not generated</source>
        <translation>不会生成分类、标签和日期归档页面</translation>
    </message>
    <message>
        <source>its {% include_cached %} tag renders as an error</source>
        <translation>它的 {% include_cached %} 标签会显示为错误</translation>
    </message>
    <message>
        <source>site.github is empty</source>
        <translation>site.github 为空</translation>
    </message>
    <message>
        <source>@mentions stay as plain text</source>
        <translation>@提及保持为纯文本</translation>
    </message>
    <message>
        <source>links to .md files are not rewritten to page URLs</source>
        <translation>指向 .md 文件的链接不会改写为页面 URL</translation>
    </message>
    <message>
        <source>pages without a title do not take it from their first heading</source>
        <translation>没有标题的页面不会以第一个标题作为标题</translation>
    </message>
    <message>
        <source>Markdown files without front matter are copied as static files</source>
        <translation>没有 front matter 的 Markdown 文件会作为静态文件复制</translation>
    </message>
    <message>
        <source>pages without a layout are not given the default one</source>
        <translation>没有布局的页面不会套用默认布局</translation>
    </message>
    <message>
        <source>README.md does not become the index page</source>
        <translation>README.md 不会成为首页</translation>
    </message>
    <message>
        <source>.coffee files are not compiled</source>
        <translation>.coffee 文件不会被编译</translation>
    </message>
    <message>
        <source>the remote theme&apos;s layouts, includes and Sass are missing</source>
        <translation>远程主题的布局、include 文件和 Sass 都会缺失</translation>
    </message>
    <message>
        <source>last_modified_at is not taken from the files&apos; history</source>
        <translation>last_modified_at 不会从文件历史中获取</translation>
    </message>
    <message>
        <source>its toc filters render as errors</source>
        <translation>它的 toc 过滤器会显示为错误</translation>
    </message>
    <message>
        <source>its {% twitter %} tag renders as an error</source>
        <translation>它的 {% twitter %} 标签会显示为错误</translation>
    </message>
    <message>
        <source>the tags, filters and pages it adds will be missing</source>
        <translation>它提供的标签、过滤器和页面都会缺失</translation>
    </message>
    <message>
        <source>plugin &apos;%1&apos; is not supported by Folio: %2. Remove it from `plugins:` to silence this warning, or build with Jekyll for this feature</source>
        <translation>Folio 不支持插件 &apos;%1&apos;：%2。从 `plugins:` 中删除它即可消除此警告；如需此功能，请用 Jekyll 构建</translation>
    </message>
    <message>
        <source>tags or filters it defines render as errors or nothing</source>
        <translation>它定义的标签或过滤器会显示为错误或不显示</translation>
    </message>
    <message>
        <source>its tag {% %1 %} renders as an error, and filters or pages it defines are missing</source>
        <translation>它的标签 {% %1 %} 会显示为错误，它定义的过滤器或页面也会缺失</translation>
    </message>
    <message>
        <source>its tags {% %1 %} render as an error, and filters or pages it defines are missing</source>
        <translation>它的标签 {% %1 %} 会显示为错误，它定义的过滤器或页面也会缺失</translation>
    </message>
    <message>
        <source>Folio cannot run Ruby plugins; %1</source>
        <translation>Folio 无法运行 Ruby 插件；%1</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; cannot be loaded by Folio: layouts, includes and Sass files that come only from the theme are missing; copy them into the site to use them</source>
        <translation>Folio 无法加载 %1 &apos;%2&apos;：仅由该主题提供的布局、include 文件和 Sass 文件会缺失；如需使用，请把它们复制到站点中</translation>
    </message>
    <message>
        <source>`gems:` is the Jekyll 3 name for `plugins:`: Folio and GitHub Pages load these plugins, Jekyll 4 ignores them. Rename the key to `plugins:`</source>
        <translation>`gems:` 是 Jekyll 3 对 `plugins:` 的叫法：Folio 和 GitHub Pages 会加载这些插件，Jekyll 4 则忽略它们。请把该键改名为 `plugins:`</translation>
    </message>
</context>
<context>
    <name>folio::site::publications</name>
    <message>
        <source>the front matter between the --- lines is empty and its keys (%1) are below it, on lines %2-%3: Jekyll shows them as text and the item has no title, venue or link; move them up between the --- lines</source>
        <translation>两条 --- 之间的 front matter 为空，而它的键（%1）位于其下方的第 %2-%3 行：Jekyll 会把它们显示为正文，该论文也就没有标题、期刊/会议或链接；请把它们移到两条 --- 之间</translation>
    </message>
    <message>
        <source>Move the key found in the body into the front matter</source>
        <translation>将正文中发现的键移入 front matter</translation>
    </message>
    <message>
        <source>Move the %1 keys found in the body into the front matter</source>
        <translation>将正文中发现的 %1 个键移入 front matter</translation>
    </message>
    <message>
        <source>the item has no title: the publications page shows an empty heading; add title: &quot;...&quot;</source>
        <translation>该论文没有标题：论文页面会显示空标题；请添加 title: &quot;...&quot;</translation>
    </message>
    <message>
        <source>the venue is empty: the publications page shows &quot;Published in , %1&quot;; give the journal or conference (venue: &quot;...&quot;)</source>
        <translation>venue 为空：论文页面会显示 &quot;Published in , %1&quot;；请填写期刊或会议（venue: &quot;...&quot;）</translation>
    </message>
    <message>
        <source>the item has no venue: the publications page shows &quot;Published in , %1&quot;; add the journal or conference (venue: &quot;...&quot;)</source>
        <translation>该论文没有 venue：论文页面会显示 &quot;Published in , %1&quot;；请添加期刊或会议（venue: &quot;...&quot;）</translation>
    </message>
    <message>
        <source>the venue &quot;%1&quot; is a list of %2 names, not a journal or conference; move the names to authors and give the venue (fixed once the keys are in the front matter)</source>
        <translation>venue &quot;%1&quot; 是由 %2 个人名组成的列表，而不是期刊或会议；请把这些人名移到 authors，并填写 venue（这些键移入 front matter 后即可自动修复）</translation>
    </message>
    <message>
        <source>the venue &quot;%1&quot; is a list of %2 names, not a journal or conference: the page shows &quot;Published in %1, %3&quot;; move the names to authors and give the venue</source>
        <translation>venue &quot;%1&quot; 是由 %2 个人名组成的列表，而不是期刊或会议：页面会显示 &quot;Published in %1, %3&quot;；请把这些人名移到 authors，并填写 venue</translation>
    </message>
    <message>
        <source>Remove the venue, which repeats the authors</source>
        <translation>删除与作者重复的 venue</translation>
    </message>
    <message>
        <source>Move the %1 names of the venue to authors</source>
        <translation>将 venue 中的 %1 个人名移到 authors</translation>
    </message>
    <message>
        <source>the date is empty and the file name has none: Jekyll dates the item with the time of the build, so it shows this year and sorts first; give date: YYYY-MM-DD</source>
        <translation>日期为空，文件名中也没有日期：Jekyll 会以构建时间作为该论文的日期，因此它会显示为今年并排在最前面；请填写 date: YYYY-MM-DD</translation>
    </message>
    <message>
        <source>date: %1 is a year, not a date: Jekyll reads it as seconds since 1970 and the page shows 1970; write a full date, date: %1-01-01</source>
        <translation>date: %1 是年份，不是日期：Jekyll 会把它当作自 1970 年起的秒数，页面因此显示 1970；请写成完整日期 date: %1-01-01</translation>
    </message>
    <message>
        <source>Write the date as %1</source>
        <translation>将日期写为 %1</translation>
    </message>
    <message>
        <source>the item has no date and its file name none: Jekyll dates it with the time of the build, so it shows this year and sorts first; add date: YYYY-MM-DD or name the file YYYY-MM-DD-title.md</source>
        <translation>该论文没有日期，文件名中也没有：Jekyll 会以构建时间作为它的日期，因此它会显示为今年并排在最前面；请添加 date: YYYY-MM-DD，或将文件命名为 YYYY-MM-DD-title.md</translation>
    </message>
    <message>
        <source>Add date: %1</source>
        <translation>添加 date: %1</translation>
    </message>
    <message>
        <source>invisible characters in %1 (%2): they break links, search and duplicate detection; remove them</source>
        <translation>%1 中有不可见字符（%2）：它们会破坏链接、搜索和重复检测；请删除</translation>
    </message>
    <message>
        <source>Remove the invisible character</source>
        <translation>删除不可见字符</translation>
    </message>
    <message>
        <source>Remove the %1 invisible characters</source>
        <translation>删除 %1 个不可见字符</translation>
    </message>
    <message>
        <source>%1 has spaces around the address: &quot;%2&quot;; remove them</source>
        <translation>%1 的地址两侧有空格：&quot;%2&quot;；请删除</translation>
    </message>
    <message>
        <source>Remove the spaces around %1</source>
        <translation>删除 %1 两侧的空格</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, a placeholder: the page&apos;s download link goes nowhere; give the address or remove the key</source>
        <translation>%1 是 &quot;%2&quot;，只是一个占位符：页面上的下载链接不指向任何地方；请填写地址或删除该键</translation>
    </message>
    <message>
        <source>a DOI, not an address</source>
        <translation>一个 DOI，而不是地址</translation>
    </message>
    <message>
        <source>a relative address: from the item&apos;s page it points below the page&apos;s own folder</source>
        <translation>一个相对地址：从论文页面出发，它会指向该页面自身文件夹之下的位置</translation>
    </message>
    <message>
        <source>an address without https://: the browser takes it for a file of the site</source>
        <translation>一个缺少 https:// 的地址：浏览器会把它当作站点中的文件</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is neither a web address (https://...) nor a path of the site (/files/...): the page&apos;s link is broken; correct it</source>
        <translation>%1 &quot;%2&quot; 既不是网址（https://...），也不是站点中的路径（/files/...）：页面上的链接无效；请更正</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is %3; write %4</source>
        <translation>%1 &quot;%2&quot; 是%3；请改写为 %4</translation>
    </message>
    <message>
        <source>Write %1 as %2</source>
        <translation>将 %1 改写为 %2</translation>
    </message>
    <message>
        <source>the item&apos;s address %1 is also the address of %2: Jekyll writes one page over the other; give one of them another permalink</source>
        <translation>该论文的地址 %1 同时也是 %2 的地址：Jekyll 会用一个页面覆盖另一个；请为其中一个设置其他 permalink</translation>
    </message>
    <message>
        <source>the item has no category: the site lists publications under publication_category (%1) in _config.yml, so this one is not on the publications page; add category: with one of them</source>
        <translation>该论文没有分类：站点按 _config.yml 中的 publication_category（%1）列出论文，因此它不会出现在论文页面上；请添加 category:，取值为其中之一</translation>
    </message>
    <message>
        <source>category &quot;%1&quot; is not one of publication_category in _config.yml (%2): the publications page leaves the item out; use one of them or add it there</source>
        <translation>分类 &quot;%1&quot; 不在 _config.yml 的 publication_category（%2）之中：论文页面不会列出该论文；请使用其中之一，或把它添加到那里</translation>
    </message>
    <message>
        <source>Write category: %1</source>
        <translation>改写为 category: %1</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>venue</source>
        <translation>期刊/会议</translation>
    </message>
    <message>
        <source>year %1</source>
        <translation>年份 %1</translation>
    </message>
    <message>
        <source>the citation does not mention the item&apos;s %1: it may describe another version of the paper; regenerate it or correct it</source>
        <translation>引文中没有提到该论文的%1：它描述的可能是论文的另一个版本；请重新生成或更正</translation>
    </message>
    <message>
        <source>its bibtexurl %1 holds no BibTeX entry that reads: the entry was made from the front matter</source>
        <translation>其 bibtexurl %1 中没有可读取的 BibTeX 条目：已根据 front matter 生成条目</translation>
    </message>
    <message>
        <source>the fix does not fit the file any more (it changed since it was checked); check it again</source>
        <translation>该修复已不再适用于此文件（检查之后文件已被修改）；请重新检查</translation>
    </message>
    <message>
        <source>the fix&apos;s edits overlap; check the file again</source>
        <translation>该修复中的编辑相互重叠；请重新检查文件</translation>
    </message>
    <message>
        <source>same DOI as %1</source>
        <translation>与 %1 的 DOI 相同</translation>
    </message>
    <message>
        <source>same BibTeX key as %1</source>
        <translation>与 %1 的 BibTeX 引用键相同</translation>
    </message>
    <message>
        <source>same paper URL as %1</source>
        <translation>与 %1 的论文 URL 相同</translation>
    </message>
    <message>
        <source>same title and year as %1</source>
        <translation>与 %1 的标题和年份相同</translation>
    </message>
    <message>
        <source>same title as %1</source>
        <translation>与 %1 的标题相同</translation>
    </message>
    <message>
        <source>citations were not generated: %1</source>
        <translation>未生成引文：%1</translation>
    </message>
    <message>
        <source>%1 was not filled: %2</source>
        <translation>未填写 %1：%2</translation>
    </message>
    <message>
        <source>%1: the keys below its front matter cannot be moved up safely, so it was not merged: move them between the --- lines by hand</source>
        <translation>%1：其 front matter 下方的键无法安全地移上去，因此未合并：请手动把它们移到两条 --- 之间</translation>
    </message>
    <message>
        <source>%1 cannot be read, so it was not merged</source>
        <translation>无法读取 %1，因此未合并</translation>
    </message>
    <message>
        <source>same paper as %1, which has every field this entry gives</source>
        <translation>与 %1 是同一篇论文，且它已包含此条目提供的所有字段</translation>
    </message>
    <message>
        <source>a file of that name appeared meanwhile; run the import again</source>
        <translation>在此期间出现了同名文件；请重新运行导入</translation>
    </message>
    <message>
        <source>entry %1 has no title: add title = {...}</source>
        <translation>条目 %1 没有标题：请添加 title = {...}</translation>
    </message>
    <message>
        <source>entry %1 has no year, so its file name and date cannot be made: add year = {...}</source>
        <translation>条目 %1 没有年份，因此无法生成其文件名和日期：请添加 year = {...}</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: import reads .bib, .ris and academicpages&apos; publications.tsv; give the file one of those extensions</source>
        <translation>%1：导入功能支持 .bib、.ris 和 academicpages 的 publications.tsv；请为文件使用其中一种扩展名</translation>
    </message>
    <message>
        <source>; its keys are written below its front matter, where Jekyll does not read them: --merge moves them up and fills its empty fields</source>
        <translation>；它的键写在 front matter 下方，Jekyll 不会读取：--merge 会把它们移上去，并填充其空字段</translation>
    </message>
    <message>
        <source>%1 changed since the import was planned, so it was not written: run the import again</source>
        <translation>制定导入计划后 %1 已被修改，因此未写入：请重新运行导入</translation>
    </message>
    <message>
        <source>the folder of %1 cannot be created</source>
        <translation>无法创建 %1 所在的文件夹</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>a quoted cell is not closed: add the closing &quot; (a quote inside a cell is written &quot;&quot;)</source>
        <translation>带引号的单元格没有闭合：请补上结尾的 &quot;（单元格内的引号写作 &quot;&quot;）</translation>
    </message>
    <message>
        <source>this row has %1 cells but the header names %2 columns: the extra cells are ignored (a tab inside a cell must be in double quotes)</source>
        <translation>此行有 %1 个单元格，但表头只列出 %2 列：多出的单元格已被忽略（单元格内的制表符必须放在双引号中）</translation>
    </message>
    <message>
        <source>this row has no title: fill in its title column</source>
        <translation>此行没有标题：请填写其 title 列</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no pub_date: write the date as YYYY-MM-DD</source>
        <translation>&quot;%1&quot; 没有 pub_date：请将日期写成 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date: write pub_date as YYYY-MM-DD</source>
        <translation>&quot;%1&quot; 不是日期：请将 pub_date 写成 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>this item has no title: its entry has none either; give it a title</source>
        <translation>该论文没有标题：其条目中也没有；请为它添加标题</translation>
    </message>
</context>
<context>
    <name>folio::site::sass</name>
    <message>
        <source>%1 Put the partial (_name.scss) in the sass_dir (default _sass) or in a load_paths folder.</source>
        <translation>%1 请把局部文件（_name.scss）放在 sass_dir（默认为 _sass）或 load_paths 中的文件夹里。</translation>
    </message>
</context>
<context>
    <name>folio::site::scaffold</name>
    <message>
        <source>%1 is a file, not a folder: give the path of a new or empty folder for the site</source>
        <translation>%1 是文件而不是文件夹：请为站点指定一个新的或空的文件夹</translation>
    </message>
    <message>
        <source>%1 is not empty: Folio creates a new site only in a new or empty folder, so nothing there is overwritten; choose another folder or empty this one</source>
        <translation>%1 不是空文件夹：Folio 只在新的或空的文件夹中创建站点，以免覆盖任何内容；请另选文件夹，或清空此文件夹</translation>
    </message>
    <message>
        <source>cannot create the folder %1: check that its parent exists and that you may write there</source>
        <translation>无法创建文件夹 %1：请检查其上级文件夹是否存在，以及您是否有写入权限</translation>
    </message>
    <message>
        <source>no folder given for the new site</source>
        <translation>未指定新站点的文件夹</translation>
    </message>
    <message>
        <source>this build of Folio has no starter site inside (resources/starter-site was not compiled in)</source>
        <translation>此版本的 Folio 未内置入门站点（构建时没有编入 resources/starter-site）</translation>
    </message>
    <message>
        <source>starter file %1 would be written outside %2; not written</source>
        <translation>入门站点文件 %1 会被写到 %2 之外，未写入</translation>
    </message>
    <message>
        <source>cannot create the folder %1: check the permissions of %2</source>
        <translation>无法创建文件夹 %1：请检查 %2 的权限</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>folio::site::scholar</name>
    <message>
        <source>jekyll-scholar: the bibliography %1 does not exist, so no details pages are made; add the .bib file under `scholar: source:` or point `scholar: bibliography:` at yours</source>
        <translation>jekyll-scholar：参考文献文件 %1 不存在，因此不会生成详情页；请把 .bib 文件添加到 `scholar: source:` 下，或让 `scholar: bibliography:` 指向你自己的文件</translation>
    </message>
    <message>
        <source>jekyll-scholar: the citation style &apos;%1&apos; could not be used for the details pages: %2</source>
        <translation>jekyll-scholar：无法在详情页中使用引文样式 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>citeproc-js returned no entries</source>
        <translation>citeproc-js 没有返回任何条目</translation>
    </message>
    <message>
        <source>jekyll-scholar: `use_raw_bibtex_entry` is no longer supported (entry.bibtex is always the entry as written); remove it</source>
        <translation>jekyll-scholar：已不再支持 `use_raw_bibtex_entry`（entry.bibtex 始终是条目的原始写法）；请删除该设置</translation>
    </message>
    <message>
        <source>jekyll-scholar: %1 in the tag&apos;s options; it is ignored</source>
        <translation>jekyll-scholar：标签选项中有 %1；已忽略</translation>
    </message>
    <message>
        <source>jekyll-scholar: no entry &apos;%1&apos; in %2; check the key, or add the entry to the .bib file</source>
        <translation>jekyll-scholar：%2 中没有条目 &apos;%1&apos;；请检查引用键，或把该条目添加到 .bib 文件中</translation>
    </message>
    <message>
        <source>jekyll-scholar: %1</source>
        <translation>jekyll-scholar：%1</translation>
    </message>
    <message>
        <source>jekyll-scholar: the bibliography %1 does not exist (`scholar: bibliography:` in _config.yml%2, under `scholar: source:`); add the .bib file there or point the setting at yours</source>
        <translation>jekyll-scholar：参考文献文件 %1 不存在（`scholar: bibliography:`，见 _config.yml%2；在 `scholar: source:` 目录下查找）；请把 .bib 文件添加到那里，或让该设置指向你自己的文件</translation>
    </message>
    <message>
        <source>, line %1</source>
        <translation> 第 %1 行</translation>
    </message>
    <message>
        <source>jekyll-scholar: the bibliography %1 named by --file does not exist; check the name (it is read from `scholar: source:`, .bib added)</source>
        <translation>jekyll-scholar：--file 指定的参考文献文件 %1 不存在；请检查名称（在 `scholar: source:` 目录下查找，并自动加上 .bib 扩展名）</translation>
    </message>
    <message>
        <source>jekyll-scholar: the citation style &apos;%1&apos; could not be used: %2</source>
        <translation>jekyll-scholar：无法使用引文样式 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>jekyll-scholar: the bibliography template does not parse, so entries are shown as formatted references: %1</source>
        <translation>jekyll-scholar：无法解析参考文献模板，因此条目将以格式化后的参考文献显示：%1</translation>
    </message>
    <message>
        <source>jekyll-scholar: in the {% bibtex %} block: %1</source>
        <translation>jekyll-scholar：在 {% bibtex %} 块中：%1</translation>
    </message>
    <message>
        <source>jekyll-scholar: in the bibliography template: %1</source>
        <translation>jekyll-scholar：在参考文献模板中：%1</translation>
    </message>
</context>
<context>
    <name>folio::site::yaml</name>
    <message>
        <source>%1: changing &apos;%2&apos; would make the front matter unreadable (%3); edit it as text instead</source>
        <translation>%1：修改 &apos;%2&apos; 会使 front matter 无法读取（%3）；请改为直接编辑文本</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; would read back as %3 instead of %4 (a merge key or a duplicate key overrides it?); edit it as text instead</source>
        <translation>%1：&apos;%2&apos; 读回的值会是 %3 而不是 %4（可能被合并键或重复的键覆盖了）；请改为直接编辑文本</translation>
    </message>
    <message>
        <source>%1: changing &apos;%2&apos; would also change &apos;%3&apos;; edit the front matter as text instead</source>
        <translation>%1：修改 &apos;%2&apos; 也会改变 &apos;%3&apos;；请改为直接编辑 front matter 文本</translation>
    </message>
    <message>
        <source>%1: changing &apos;%2&apos; would add the key &apos;%3&apos;; edit the front matter as text instead</source>
        <translation>%1：修改 &apos;%2&apos; 会添加键 &apos;%3&apos;；请改为直接编辑 front matter 文本</translation>
    </message>
    <message>
        <source>%1 (fix it in the text before changing &apos;%2&apos; in the form)</source>
        <translation>%1（请先在文本中修正，再在表单中修改 &apos;%2&apos;）</translation>
    </message>
    <message>
        <source>%1: the front matter is not a list of `key: value` lines; write one key per line</source>
        <translation>%1：front matter 不是由 `key: value` 行组成的；请每行写一个键</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; still comes from a merge key (&lt;&lt;) after removing its line; edit the front matter as text instead</source>
        <translation>%1：删除该行后，&apos;%2&apos; 仍来自合并键（&lt;&lt;）；请改为直接编辑 front matter 文本</translation>
    </message>
    <message>
        <source>the anchor name &apos;%1&apos; may only contain letters, digits, &apos;_&apos; and &apos;-&apos; (quote the value if it is text starting with &apos;&amp;&apos;)</source>
        <translation>锚点名 &apos;%1&apos; 只能包含字母、数字、&apos;_&apos; 和 &apos;-&apos;（如果这是以 &apos;&amp;&apos; 开头的文本，请给值加引号）</translation>
    </message>
    <message>
        <source>an alias refers to the collection that contains it; Folio cannot build recursive data: copy the values instead of using the alias</source>
        <translation>别名引用了包含它自身的集合；Folio 无法构建递归数据：请复制这些值，不要使用别名</translation>
    </message>
    <message>
        <source>unknown alias: define the anchor (&amp;name) before using it (*name)</source>
        <translation>未知别名：请先定义锚点（&amp;name），再使用它（*name）</translation>
    </message>
    <message>
        <source>%1 (Jekyll loads YAML safely: remove the tag %2)</source>
        <translation>%1（Jekyll 以安全模式加载 YAML：请删除标签 %2）</translation>
    </message>
    <message>
        <source>a value starting with &apos;:&apos; must be quoted, e.g. &quot;%1&quot; (Jekyll refuses Ruby symbols: %2)</source>
        <translation>以 &apos;:&apos; 开头的值必须加引号，例如 &quot;%1&quot;（Jekyll 不接受 Ruby 符号：%2）</translation>
    </message>
    <message>
        <source>%1 for the value &quot;%2&quot;: quote it to keep it as text</source>
        <translation>值 &quot;%2&quot; 出错：%1；如要保留为文本，请加引号</translation>
    </message>
    <message>
        <source>a key is missing before &apos;:&apos;; write the key, or quote a value that starts with &apos;:&apos;</source>
        <translation>&apos;:&apos; 前缺少键；请写上键，或给以 &apos;:&apos; 开头的值加引号</translation>
    </message>
    <message>
        <source>a value is missing before &apos;,&apos;; remove the extra &apos;,&apos; or quote a value containing &apos;,&apos;</source>
        <translation>&apos;,&apos; 前缺少值；请删除多余的 &apos;,&apos;，或给含有 &apos;,&apos; 的值加引号</translation>
    </message>
    <message>
        <source>this line has no &apos;key: value&apos; form: add &apos;: &apos; after the key, indent the line to continue the value above, or make it a comment with &apos;#&apos;</source>
        <translation>此行不是 &apos;key: value&apos; 形式：请在键后加 &apos;: &apos;，或缩进此行以接续上面的值，或用 &apos;#&apos; 把它变成注释</translation>
    </message>
    <message>
        <source>\&apos; is not an escape in double quotes: write &apos; alone</source>
        <translation>\&apos; 在双引号中不是转义序列：直接写 &apos; 即可</translation>
    </message>
    <message>
        <source>the quoted value is not closed: add the closing %1</source>
        <translation>带引号的值没有闭合：请补上结尾的 %1</translation>
    </message>
    <message>
        <source>the value in single quotes ends at the second &apos;: inside single quotes write &apos;&apos; for an apostrophe (title: &apos;It&apos;&apos;s&apos;), or use double quotes</source>
        <translation>单引号中的值在第二个 &apos; 处就结束了：在单引号内请用 &apos;&apos; 表示撇号（title: &apos;It&apos;&apos;s&apos;），或改用双引号</translation>
    </message>
    <message>
        <source>the value in double quotes ends at the second &quot;: quote the whole value and write \&quot; for a quote inside it</source>
        <translation>双引号中的值在第二个 &quot; 处就结束了：请给整个值加引号，值内部的引号写作 \&quot;</translation>
    </message>
    <message>
        <source>a value starting with [ or { is a YAML list or map: quote the whole value if it is text</source>
        <translation>以 [ 或 { 开头的值是 YAML 列表或映射：如果它是文本，请给整个值加引号</translation>
    </message>
    <message>
        <source>check the indentation of this line against the lines above; a value containing &apos;: &apos; or &apos; #&apos; must be quoted</source>
        <translation>请对照上面几行检查此行的缩进；含有 &apos;: &apos; 或 &apos; #&apos; 的值必须加引号</translation>
    </message>
    <message>
        <source>indent YAML with spaces, not tabs</source>
        <translation>YAML 请用空格缩进，不要用制表符</translation>
    </message>
    <message>
        <source>a value containing &apos;: &apos; must be quoted, e.g. title: &quot;Part 1: the start&quot;</source>
        <translation>含有 &apos;: &apos; 的值必须加引号，例如 title: &quot;Part 1: the start&quot;</translation>
    </message>
    <message>
        <source>a value starting with @, ` or % must be quoted</source>
        <translation>以 @、` 或 % 开头的值必须加引号</translation>
    </message>
    <message>
        <source>close the { or [ opened before, or quote the value if it is text starting with { or [</source>
        <translation>请闭合前面打开的 { 或 [；如果这是以 { 或 [ 开头的文本，请给值加引号</translation>
    </message>
    <message>
        <source>a list item (&apos;- &apos;) cannot follow a key&apos;s value on the same level; indent the list under its key</source>
        <translation>列表项（&apos;- &apos;）不能在同一层级紧跟在某个键的值后面；请把列表缩进到它的键下面</translation>
    </message>
    <message>
        <source>a quoted value is not closed: add the closing quote</source>
        <translation>带引号的值没有闭合：请补上结尾的引号</translation>
    </message>
    <message>
        <source>define the anchor (&amp;name) before using it (*name), or quote a value that starts with &apos;*&apos;</source>
        <translation>请先定义锚点（&amp;name），再使用它（*name）；或给以 &apos;*&apos; 开头的值加引号</translation>
    </message>
    <message>
        <source>in double quotes a backslash starts an escape: write \\ for a backslash, or use single quotes</source>
        <translation>在双引号中反斜杠表示转义：反斜杠本身请写作 \，或改用单引号</translation>
    </message>
    <message>
        <source>a value starting with | or &gt; is a block of text on the following lines: quote the value, or move the text to the next lines, indented</source>
        <translation>以 | 或 &gt; 开头的值表示后面几行的文本块：请给值加引号，或把文本移到下一行并缩进</translation>
    </message>
    <message>
        <source>a line starting with --- or ... ends the YAML; quote or indent the value</source>
        <translation>以 --- 或 ... 开头的行会结束 YAML；请给值加引号或缩进</translation>
    </message>
    <message>
        <source>fix the YAML syntax here</source>
        <translation>请修正此处的 YAML 语法</translation>
    </message>
    <message>
        <source>invalid UTF-8 byte: save the file with the UTF-8 encoding</source>
        <translation>无效的 UTF-8 字节：请以 UTF-8 编码保存文件</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The site&apos;s folder.</source>
        <translation>站点的文件夹。</translation>
    </message>
    <message>
        <source>A file of the site to open.</source>
        <translation>要打开的站点文件。</translation>
    </message>
    <message>
        <source>Open Folio&apos;s starter site (created on first use).</source>
        <translation>打开 Folio 的入门站点（首次使用时创建）。</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Folio</translation>
    </message>
</context>
</TS>
