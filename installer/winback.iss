; Inno Setup 6 script: per-machine install of the one-folder bundle.
;
;   python installer/build.py --installer      (builds the bundle, then runs iscc with
;                                               /DAppVersion=<winback_desktop.__version__>)
;
; - Installs into Program Files for all users (admin rights), Start menu and optional
;   desktop shortcuts for Winback Desktop.
; - Upgrades in place: the AppId below never changes, so a newer setup replaces the
;   program files of the older one (and closes the running app first).
; - Uninstalling removes only the program. Each user's data stays in
;   %LOCALAPPDATA%\Winback\WinbackDesktop (database, backups, logs, drafts) and the team
;   server password stays in Windows Credential Manager.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Winback Desktop"
#define AppPublisher "Winback"
#define AppExe "WinbackDesktop.exe"

[Setup]
; Never change this GUID: it is how a new version finds and replaces the old one.
AppId={{6C1E8F3A-5B7D-4E21-9A4C-2F0D8B7E1A53}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Winback Desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=WinbackDesktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole PyInstaller folder; files of an older version that no longer exist are
; removed by [InstallDelete] so stale Qt plugins never load.
Source: "..\dist\WinbackDesktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program folder itself may gain at run time (Python caches); never
; anything under %LOCALAPPDATA% or %APPDATA%: user data survives uninstall.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
