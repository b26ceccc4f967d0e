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
