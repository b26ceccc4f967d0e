<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>folio::Authoring</name>
    <message>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the new document a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1: check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: check the folder&apos;s permissions and free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2: check the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in _drafts: only drafts are published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: check the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published to %1 but cannot remove the draft %2: remove it by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move %1 to the trash: the system has no trash for this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2: check the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the pasted image to %1: check the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as a draft (_drafts/, published later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::app</name>
    <message>
        <source>GitHub Pages does not run the plugin “%1”: what it adds will be missing there (Folio builds it). Publish the built site to a branch instead, or remove the plugin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub Pages builds in safe mode and does not run _plugins/%1; what it adds will be missing there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kramdown drops the backslashes of its \( \) or \[ \] delimiters, so it is not math there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a | makes kramdown read the line as a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pair of _ becomes emphasis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pair of * becomes emphasis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kramdown turns \\ into \ (line breaks are lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kramdown removes the backslash of \%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 renders with Folio but GitHub Pages&apos; kramdown would break it: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My Academic Site</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::app::Authoring</name>
    <message>
        <source>New &amp;Post…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New P&amp;age…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Collection &amp;Item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to &amp;Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ublish Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 to the trash? Unsaved changes to it are lost too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name (the date prefix is kept):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::app::DiagnosticsPanel</name>
    <message>
        <source>(site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open document: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics (%1 errors, %2 warnings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::app::DocumentSession</name>
    <message>
        <source>Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1: %2. The text is still in the editor and in the recovery folder; free some space or fix the folder&apos;s permissions, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored unsaved text of %1; save to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed on disk by another program, and you have unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep your text (saving will overwrite the other program&apos;s changes), or load the file as it is on disk (your changes can be undone back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the recovery copy to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was deleted on disk; its text stays here, unsaved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded %1: it was changed on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — %2 — Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Folio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::app::GitDialog</name>
    <message>
        <source>Commit the site&apos;s &amp;sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit the &amp;built site to branch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Push to the remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Git</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for a remote…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No remote is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not pushed: %n GitHub Pages warning(s) not confirmed.
</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::app::GitRepository</name>
    <message>
        <source>Cannot run git (%1). Install git and make sure it is on the PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No remote is set, so nothing was pushed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing to %1 failed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site is not in a git repository (run “git init” in its folder first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git could not stage the site&apos;s changes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to commit: the site&apos;s sources are as in the last commit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git could not commit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist: publish the site first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid branch name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is the branch checked out in your working tree; Folio commits the built site only to another branch. Switch branches or choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git could not read the built site:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git could not write .nojekyll:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git could not add .nojekyll:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git could not write the tree:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to commit: %1 already holds this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git could not commit the built site:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git could not move %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed the built site to %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::app::MainWindow</name>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the site: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the site</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview works offline and blocked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed: the preview shows the site rebuilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the whole site into its output folder (Ctrl+Shift+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Git…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit the sources or the built site with git</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a site first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in &amp;Site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::app::NewSiteDialog</name>
    <message>
        <source>New Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Ada Lovelace&apos;s homepage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio copies its starter site (about, publications, talks, teaching, blog, CV) into an empty folder. Everything can be changed afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the New Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not empty: choose an empty or new folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::app::PagesWarningsDialog</name>
    <message>
        <source>GitHub Pages Will Render This Differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub Pages builds the pushed sources with its own Jekyll, not with Folio. These parts of the site will look different there:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To publish exactly what Folio shows, commit the built site to a branch (such as gh-pages) and let GitHub Pages serve that branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push Anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::app::PublishDialog</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has unsaved changes: the site is built from the files on disk, so those changes are not published until you save them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was published: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Publishing was cancelled: %1 holds only part of the site (%n page(s) written so far). Publish again to complete it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Published %n page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 files, %2 changed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) not written because of errors (see the Diagnostics panel).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n static file(s) in %1 s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::app::RecentSites</name>
    <message>
        <source>No recent sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::app::RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio found text that was not saved when it last stopped. Restore opens it in the editor as unsaved changes; the file on disk stays as it is until you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide &amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file no longer exists on disk; restoring keeps the text as a new unsaved file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file changed on disk after this text was opened; compare before saving.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::app::SiteSearchPanel</name>
    <message>
        <source>Find in Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace All…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in every file of the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a site first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid expression: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replacement(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the open document changed in the editor (not saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These files could not be written and were left as they were:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replace %n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n file(s) with “%1”? The open document changes in the editor; other files are saved.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::editor::FindBar</name>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Wrapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Invalid expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+ matches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::editor::FrontMatterForm</name>
    <message>
        <source>zero-width space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero-width non-joiner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero-width joiner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>word joiner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero-width no-break space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no-break space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>narrow no-break space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>figure space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>soft hyphen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direction mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link contains an invisible character (%1, U+%2) at position %3: delete it or type the link again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link has spaces at its start or end: remove them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a link: write a full address (https://…) or a path of the site starting with /.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole front matter as YAML text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move into the front matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front matter of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Lines %1–%2 hold front matter keys (%3) below the closing ---: Jekyll shows them as text and the page misses them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field academicpages uses for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key of this document, the defaults or other files of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items separated by commas. Used in this collection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML text of this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The front matter does not load: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set (default: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show as form</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::editor::MarkdownEditor</name>
    <message>
        <source>Spell checking is off: no Hunspell dictionary is installed (e.g. the hunspell-en-us package).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add “%1” to Dictionary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::preview::PreviewView</name>
    <message>
        <source>The preview could not be rendered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::site::bib</name>
    <message>
        <source>the @comment at line %1 is not closed %2: close it with &apos;}&apos; (the entries after it are read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before the next entry on line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before the end of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close the brace of the field &apos;%1&apos; on line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close the brace opened on line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end the entry with &apos;}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unbalanced braces in %1 starting at line %2: a brace is not closed %3; %4. The entry was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the @%1 entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the @%1 entry at line %2 has no key: write one after &apos;@%3{&apos;, for example &apos;@%3{smith2020,&apos;. The entry was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 uses the string &apos;%2&apos;, which is not defined (read as empty): define it with @string{%2 = {...}} before the entry, or write the value in braces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the string &apos;%1&apos; is defined a second time: the later definition is used from here on; remove one of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 starting at line %2: a comma is missing before &apos;%3&apos;: end the value before it with &apos;,&apos;. The entry was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syntax error in %1 starting at line %2: %3. The entry was skipped: check the commas between fields and the braces or quotes around values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 starting at line %2 could not be read; the entry was skipped: check its commas, braces and quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; has the field &apos;%2&apos; twice (lines %3 and %4): the first is used; remove one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; has the unknown type &apos;@%2&apos;: it is read, but styles treat it as @misc; use a standard type such as @article, @inproceedings or @misc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate key &apos;%1&apos; at lines %2 and %3: the first entry is used; give the second a different key or remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text that looks like a field is outside any entry and is ignored: an extra &apos;}&apos; probably ends the entry above early; remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; has crossref &apos;%2&apos;, which is not in the file: add that entry or remove the crossref field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not UTF-8 (first at line %2): it was read as Latin-1 (Windows-1252); check the accents, and save the file as UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the BibTeX text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a BibTeX file: choose the .bib file in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RIS tag %1 outside a record is ignored: a record starts with &apos;TY  - &apos; and ends with &apos;ER  - &apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no RIS records were found: a record starts with &apos;TY  - JOUR&apos; (or another type) and ends with &apos;ER  - &apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the RIS record starting at line %1 has no &apos;ER  - &apos; line before line %2: it was read to there; end each record with &apos;ER  - &apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the RIS record at line %1 has neither a title (TI) nor authors (AU) and was skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not UTF-8: it was read as Latin-1; check the accents, and export it as UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the RIS text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::site::build</name>
    <message>
        <source>not written because of the errors above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken image or script &apos;%1&apos;: the site has no %2; fix the address or add the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken link &apos;%1&apos;: the site has no %2; fix the address or add the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layout &apos;%1&apos; does not exist; the page is written without it. Check the name or add _layouts/%1.html</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output path &apos;%1&apos; is not inside the output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output path &apos;%1&apos; climbs out of the output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output path &apos;%1&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the output folder %1 would contain the site&apos;s own files; choose another folder such as %2/_site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the output folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output path &apos;%1&apos; is outside the output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a symbolic link in the output folder; Folio does not write through links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1 to record the build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record the build in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::site::csl</name>
    <message>
        <source>%1:%2: the CSL style is not well-formed XML: %3. Fix the file, or use an installed style such as &quot;apa&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: citeproc-js cannot format with this CSL style: %2. Fix the style, or use an installed one such as &quot;apa&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>citeproc-js is not part of this build of Folio, so citations cannot be formatted. Run scripts/install-deps.sh (it puts citeproc-js in resources/citeproc), then configure and build again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>citeproc-js could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>citeproc-js gave no answer (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSL style file %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSL style &quot;%1&quot; (%2) depends on the style &quot;%3&quot;, which is not installed in %4. Install the citation-style-language-styles package, or use an independent style.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CSL style is set. Set a style id such as &quot;apa&quot; or &quot;ieee&quot;, or the path of a .csl file in the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSL style file %1 does not exist. Put the .csl file there, or set an installed style id such as &quot;apa&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CSL style &quot;%1&quot; is installed (looked in %2). Use the id of an installed style, such as &quot;apa&quot;, &quot;ieee&quot; or &quot;chicago-author-date&quot;, or the path of a .csl file in the site.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::site::liquid</name>
    <message>
        <source>Liquid error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown filter &apos;%1&apos;: Jekyll ignores it and passes the input through unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liquid syntax warning (the lax parser was used): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liquid syntax error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::site::model</name>
    <message>
        <source>cannot read the configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the site is built with Jekyll&apos;s default settings until this is fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the configuration must be a mapping of `key: value` lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>defaults entry %1 has no `values:` mapping and is ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not valid UTF-8 and is skipped; re-save it as UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 are both written to %3; only %2 is written, as Jekyll would leave it. Give one of them another permalink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — the front matter is ignored until this is fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>front matter keys found in the body of %1 (%2): the front matter between the --- lines is empty; move these lines up between them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid date &apos;%1&apos;: write it as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS +/-TTTT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: it has a future date (set `future: true` or build with --future to include it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — site.data.%2 is empty until this is fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permalink &apos;%1&apos; points outside the site; remove the &apos;..&apos; segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the permalink template has an unknown placeholder &apos;:%1&apos;; check the `permalink` setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the collection &apos;%1&apos; is read as &apos;%2&apos; (from _%2/, without the settings given under &apos;%1&apos;), as Jekyll does: name it &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is not supported: Folio highlights code as Rouge&apos;s HTML formatter does, or not at all; code is written without highlighting and the rest of the site is built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is not supported: Folio highlights code as Rouge&apos;s HTML formatter does, or not at all; the setting is ignored and the rest of the site is built</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::site::plugins</name>
    <message>
        <source>Pagination is enabled, but there is no index.html page to use as the pagination template: add one in the folder of paginate_path (&apos;%1&apos;), or remove `paginate`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`paginate: %1` must be a number of posts per page greater than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>:emoji: shortcodes stay as plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category, tag and date archive pages are not generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its {% include_cached %} tag renders as an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site.github is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@mentions stay as plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>links to .md files are not rewritten to page URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages without a title do not take it from their first heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown files without front matter are copied as static files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages without a layout are not given the default one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>README.md does not become the index page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>.coffee files are not compiled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the remote theme&apos;s layouts, includes and Sass are missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last_modified_at is not taken from the files&apos; history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its toc filters render as errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its {% twitter %} tag renders as an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tags, filters and pages it adds will be missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin &apos;%1&apos; is not supported by Folio: %2. Remove it from `plugins:` to silence this warning, or build with Jekyll for this feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags or filters it defines render as errors or nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its tag {% %1 %} renders as an error, and filters or pages it defines are missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its tags {% %1 %} render as an error, and filters or pages it defines are missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio cannot run Ruby plugins; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; cannot be loaded by Folio: layouts, includes and Sass files that come only from the theme are missing; copy them into the site to use them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`gems:` is the Jekyll 3 name for `plugins:`: Folio and GitHub Pages load these plugins, Jekyll 4 ignores them. Rename the key to `plugins:`</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::site::publications</name>
    <message>
        <source>the front matter between the --- lines is empty and its keys (%1) are below it, on lines %2-%3: Jekyll shows them as text and the item has no title, venue or link; move them up between the --- lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the key found in the body into the front matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the %1 keys found in the body into the front matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item has no title: the publications page shows an empty heading; add title: &quot;...&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the venue is empty: the publications page shows &quot;Published in , %1&quot;; give the journal or conference (venue: &quot;...&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item has no venue: the publications page shows &quot;Published in , %1&quot;; add the journal or conference (venue: &quot;...&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the venue &quot;%1&quot; is a list of %2 names, not a journal or conference; move the names to authors and give the venue (fixed once the keys are in the front matter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the venue &quot;%1&quot; is a list of %2 names, not a journal or conference: the page shows &quot;Published in %1, %3&quot;; move the names to authors and give the venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the venue, which repeats the authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the %1 names of the venue to authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date is empty and the file name has none: Jekyll dates the item with the time of the build, so it shows this year and sorts first; give date: YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date: %1 is a year, not a date: Jekyll reads it as seconds since 1970 and the page shows 1970; write a full date, date: %1-01-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the date as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item has no date and its file name none: Jekyll dates it with the time of the build, so it shows this year and sorts first; add date: YYYY-MM-DD or name the file YYYY-MM-DD-title.md</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add date: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invisible characters in %1 (%2): they break links, search and duplicate detection; remove them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the invisible character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the %1 invisible characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has spaces around the address: &quot;%2&quot;; remove them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the spaces around %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, a placeholder: the page&apos;s download link goes nowhere; give the address or remove the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a DOI, not an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a relative address: from the item&apos;s page it points below the page&apos;s own folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an address without https://: the browser takes it for a file of the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is neither a web address (https://...) nor a path of the site (/files/...): the page&apos;s link is broken; correct it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is %3; write %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item&apos;s address %1 is also the address of %2: Jekyll writes one page over the other; give one of them another permalink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item has no category: the site lists publications under publication_category (%1) in _config.yml, so this one is not on the publications page; add category: with one of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category &quot;%1&quot; is not one of publication_category in _config.yml (%2): the publications page leaves the item out; use one of them or add it there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write category: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>year %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the citation does not mention the item&apos;s %1: it may describe another version of the paper; regenerate it or correct it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its bibtexurl %1 holds no BibTeX entry that reads: the entry was made from the front matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the fix does not fit the file any more (it changed since it was checked); check it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the fix&apos;s edits overlap; check the file again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same DOI as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same BibTeX key as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same paper URL as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same title and year as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same title as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>citations were not generated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not filled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the keys below its front matter cannot be moved up safely, so it was not merged: move them between the --- lines by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read, so it was not merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same paper as %1, which has every field this entry gives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file of that name appeared meanwhile; run the import again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 has no title: add title = {...}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 has no year, so its file name and date cannot be made: add year = {...}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: import reads .bib, .ris and academicpages&apos; publications.tsv; give the file one of those extensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; its keys are written below its front matter, where Jekyll does not read them: --merge moves them up and fills its empty fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed since the import was planned, so it was not written: run the import again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder of %1 cannot be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted cell is not closed: add the closing &quot; (a quote inside a cell is written &quot;&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this row has %1 cells but the header names %2 columns: the extra cells are ignored (a tab inside a cell must be in double quotes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this row has no title: fill in its title column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no pub_date: write the date as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date: write pub_date as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this item has no title: its entry has none either; give it a title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::site::sass</name>
    <message>
        <source>%1 Put the partial (_name.scss) in the sass_dir (default _sass) or in a load_paths folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::site::scaffold</name>
    <message>
        <source>%1 is a file, not a folder: give the path of a new or empty folder for the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not empty: Folio creates a new site only in a new or empty folder, so nothing there is overwritten; choose another folder or empty this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1: check that its parent exists and that you may write there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no folder given for the new site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this build of Folio has no starter site inside (resources/starter-site was not compiled in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starter file %1 would be written outside %2; not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1: check the permissions of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::site::scholar</name>
    <message>
        <source>jekyll-scholar: the bibliography %1 does not exist, so no details pages are made; add the .bib file under `scholar: source:` or point `scholar: bibliography:` at yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jekyll-scholar: the citation style &apos;%1&apos; could not be used for the details pages: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>citeproc-js returned no entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jekyll-scholar: `use_raw_bibtex_entry` is no longer supported (entry.bibtex is always the entry as written); remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jekyll-scholar: %1 in the tag&apos;s options; it is ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jekyll-scholar: no entry &apos;%1&apos; in %2; check the key, or add the entry to the .bib file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jekyll-scholar: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jekyll-scholar: the bibliography %1 does not exist (`scholar: bibliography:` in _config.yml%2, under `scholar: source:`); add the .bib file there or point the setting at yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jekyll-scholar: the bibliography %1 named by --file does not exist; check the name (it is read from `scholar: source:`, .bib added)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jekyll-scholar: the citation style &apos;%1&apos; could not be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jekyll-scholar: the bibliography template does not parse, so entries are shown as formatted references: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jekyll-scholar: in the {% bibtex %} block: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jekyll-scholar: in the bibliography template: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::site::yaml</name>
    <message>
        <source>%1: changing &apos;%2&apos; would make the front matter unreadable (%3); edit it as text instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; would read back as %3 instead of %4 (a merge key or a duplicate key overrides it?); edit it as text instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: changing &apos;%2&apos; would also change &apos;%3&apos;; edit the front matter as text instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: changing &apos;%2&apos; would add the key &apos;%3&apos;; edit the front matter as text instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (fix it in the text before changing &apos;%2&apos; in the form)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the front matter is not a list of `key: value` lines; write one key per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; still comes from a merge key (&lt;&lt;) after removing its line; edit the front matter as text instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the anchor name &apos;%1&apos; may only contain letters, digits, &apos;_&apos; and &apos;-&apos; (quote the value if it is text starting with &apos;&amp;&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an alias refers to the collection that contains it; Folio cannot build recursive data: copy the values instead of using the alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown alias: define the anchor (&amp;name) before using it (*name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Jekyll loads YAML safely: remove the tag %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value starting with &apos;:&apos; must be quoted, e.g. &quot;%1&quot; (Jekyll refuses Ruby symbols: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for the value &quot;%2&quot;: quote it to keep it as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a key is missing before &apos;:&apos;; write the key, or quote a value that starts with &apos;:&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value is missing before &apos;,&apos;; remove the extra &apos;,&apos; or quote a value containing &apos;,&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this line has no &apos;key: value&apos; form: add &apos;: &apos; after the key, indent the line to continue the value above, or make it a comment with &apos;#&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>\&apos; is not an escape in double quotes: write &apos; alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the quoted value is not closed: add the closing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value in single quotes ends at the second &apos;: inside single quotes write &apos;&apos; for an apostrophe (title: &apos;It&apos;&apos;s&apos;), or use double quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value in double quotes ends at the second &quot;: quote the whole value and write \&quot; for a quote inside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value starting with [ or { is a YAML list or map: quote the whole value if it is text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the indentation of this line against the lines above; a value containing &apos;: &apos; or &apos; #&apos; must be quoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>indent YAML with spaces, not tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value containing &apos;: &apos; must be quoted, e.g. title: &quot;Part 1: the start&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value starting with @, ` or % must be quoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close the { or [ opened before, or quote the value if it is text starting with { or [</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list item (&apos;- &apos;) cannot follow a key&apos;s value on the same level; indent the list under its key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted value is not closed: add the closing quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>define the anchor (&amp;name) before using it (*name), or quote a value that starts with &apos;*&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in double quotes a backslash starts an escape: write \\ for a backslash, or use single quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value starting with | or &gt; is a block of text on the following lines: quote the value, or move the text to the next lines, indented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a line starting with --- or ... ends the YAML; quote or indent the value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fix the YAML syntax here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid UTF-8 byte: save the file with the UTF-8 encoding</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The site&apos;s folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file of the site to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folio&apos;s starter site (created on first use).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
