; Inno Setup recipe for the Windows installer (NOT RUN on the Linux machines this was
; written on; built by .github/workflows/windows.yml on a Windows runner).
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\fieldapp packaging\windows\fieldapp.iss
; Per-machine install into Program Files (administrators, as IT deploys software), a
; Start-menu entry, and an uninstaller that removes the program only: the vaults (in each
; user's %LOCALAPPDATA%\fieldapp), the logs and IT's provisioning file
; (%PROGRAMDATA%\fieldapp\fieldapp.toml) are never touched.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\fieldapp"
#endif

[Setup]
; A fixed id: upgrades replace the installed version in place.
AppId={{6E0C5B7A-3D2F-4C41-9A57-2B1F0E8D4C19}
AppName=Insatsstöd
AppVersion={#AppVersion}
AppVerName=Insatsstöd {#AppVersion}
AppPublisher=Polismyndigheten
DefaultDirName={autopf}\Insatsstöd
DefaultGroupName=Insatsstöd
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=fieldapp-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\fieldapp.exe
; Silent installs for IT's software deployment: setup.exe /VERYSILENT /SUPPRESSMSGBOXES
CloseApplications=yes

[Languages]
Name: "sv"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
; The whole one-folder build; replaced as a whole on upgrade.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version that this one no longer has (a stale DLL must not load).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Insatsstöd"; Filename: "{app}\fieldapp.exe"; Comment: "Insatsstöd"

[Run]
Filename: "{app}\fieldapp.exe"; Description: "{cm:LaunchProgram,Insatsstöd}"; Flags: nowait postinstall skipifsilent unchecked

[UninstallDelete]
; Only what the installer put in {app}. Nothing under {localappdata}, {commonappdata}
; or {userappdata}: the vaults and IT's settings stay.
Type: dirifempty; Name: "{app}"
