# Build Lotse for Windows: the PyInstaller bundle, its smoke test, the MSI.
#
#     powershell -ExecutionPolicy Bypass -File installer\build.ps1
#
# Needs Python 3.11 (py launcher or python on PATH) and WiX Toolset v3 (candle, light; found
# on PATH or through %WIX%, installed with Chocolatey if missing). Output:
# dist\Lotse\ (the bundle) and dist\Lotse-<version>.msi. Stops at the first failing step.

$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Step([string] $Program, [string[]] $Arguments) {
    Write-Host "> $Program $($Arguments -join ' ')"
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program failed with exit code $LASTEXITCODE" }
}

function Find-Wix {
    foreach ($folder in @("$env:WIX\bin", "${env:ProgramFiles(x86)}\WiX Toolset v3.14\bin")) {
        if ($folder -and (Test-Path "$folder\candle.exe")) { return $folder }
    }
    $candle = Get-Command candle.exe -ErrorAction SilentlyContinue
    if ($candle) { return Split-Path $candle.Source }
    Invoke-Step choco @("install", "wixtoolset", "--version", "3.14.1", "-y", "--no-progress")
    return "${env:ProgramFiles(x86)}\WiX Toolset v3.14\bin"
}

# The version is pyproject's, read by Python's own TOML parser (as the spec does).
$python = if (Get-Command py -ErrorAction SilentlyContinue) { "py" } else { "python" }
$version = & $python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"

Invoke-Step $python @("-m", "venv", ".venv-build")
$venv = ".venv-build\Scripts\python.exe"
Invoke-Step $venv @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Step $venv @("-m", "pip", "install", "--quiet", ".[bundle]")
Invoke-Step $venv @("-m", "PyInstaller", "--noconfirm", "--distpath", "dist", "--workpath", "build\pyinstaller", "installer\lotse.spec")

# The smoke test before any installer exists: demo database, main window offscreen, a letter.
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Step "dist\Lotse\lotse-cli.exe" @("selftest")
Remove-Item Env:QT_QPA_PLATFORM

$wix = Find-Wix
Invoke-Step $venv @("installer\harvest.py", "dist\Lotse", "build\msi\bundle.wxs")
Invoke-Step "$wix\candle.exe" @("-nologo", "-arch", "x64", "-dVersion=$version", "-dBundleDir=dist\Lotse", "-out", "build\msi\", "installer\lotse.wxs", "build\msi\bundle.wxs")
Invoke-Step "$wix\light.exe" @("-nologo", "-spdb", "-out", "dist\Lotse-$version.msi", "build\msi\lotse.wixobj", "build\msi\bundle.wixobj")
Write-Host "dist\Lotse-$version.msi"
