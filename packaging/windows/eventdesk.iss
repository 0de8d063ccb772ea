; Inno Setup script for EventDesk: a per-user installer of the PyInstaller folder.
;
; Build dist\EventDesk\ first (packaging\README.md, "Windows"), then from the repository root:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\eventdesk.iss
;
; which writes dist\EventDesk-0.1.0-setup.exe. AppVersion defaults to the one below;
; the CI workflow passes eventdesk.__version__.
;
; What it does: installs for the current user only (no administrator rights) into
; %LOCALAPPDATA%\Programs\EventDesk, adds a Start menu shortcut (and a desktop one if
; asked), and registers an uninstaller. An upgrade replaces the program folder whole.
; It never touches the user's data: the database, backups and edited templates live
; in %LOCALAPPDATA%\EventDesk (a different folder, see eventdesk.paths.data_dir), which
; neither an upgrade nor the uninstaller removes.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "EventDesk"
#define AppExe "EventDesk.exe"
#define SourceFolder "..\..\dist\EventDesk"

[Setup]
; The AppId ties upgrades and the uninstaller to one program: never change it.
AppId={{1405BF2F-1DD3-4956-B8CD-F7CC3F47ACC2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=EventDesk developers
VersionInfoVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; Close a running EventDesk before files are replaced (it saves as it goes).
CloseApplications=yes
RestartApplications=no
; Signing (packaging\README.md): iscc "/Ssigntool=signtool sign /fd SHA256 /tr URL /td SHA256 ... $f" /DSign
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif
#if FileExists(AddBackslash(SourcePath) + "..\..\resources\icons\eventdesk.ico")
SetupIconFile=..\..\resources\icons\eventdesk.ico
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade must not leave modules of the old version beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceFolder}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes what it installed and nothing of the
; user's data folder.
