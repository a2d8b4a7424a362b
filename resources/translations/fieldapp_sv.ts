<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Insatser</translation>
    </message>
    <message>
        <source>Set up and follow an operation: the team, the contacts on duty and the ads mapped beforehand.</source>
        <translation>Lägg upp och följ en insats: gruppen, kontakterna i jour och annonserna från inre spaning.</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>One case per raid location, with the checklist as its spine: the persons, agreement, stated price and payment, support offered and the prosecutor&apos;s decision.</source>
        <translation>Ett ärende per ingripandeplats, med checklistan som ryggrad: personerna, överenskommelse, angett pris och överlämnande av betalning, erbjudet stöd och åklagarens beslut.</translation>
    </message>
    <message>
        <source>Ads</source>
        <translation>Annonser</translation>
    </message>
    <message>
        <source>Ads found online before the operation, and the case each one led to.</source>
        <translation>Annonser som hittats på nätet före insatsen (inre spaning), och vilket ärende var och en ledde till.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Forms and leaflets to print on the spot: the advance approval of a summary penalty order and the support leaflets.</source>
        <translation>Blanketter och broschyrer att skriva ut på plats: förhandsgodkännande av strafföreläggande och stödbroschyrerna.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synk</translation>
    </message>
    <message>
        <source>Send this computer&apos;s records to the station and see what it has received.</source>
        <translation>Skicka datorns uppgifter till stationen och se vad den har tagit emot.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>The officers enrolled on this computer, the lock time, language and text size.</source>
        <translation>Poliserna som är registrerade på datorn, låstid, språk och textstorlek.</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Export PDF</source>
        <translation>Exportera PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>The exported file is not encrypted: it leaves the vault and contains personal data. Save it only where it is protected, and delete it when it is no longer needed. Export anyway?</source>
        <translation>Den exporterade filen är inte krypterad: den lämnar valvet och innehåller personuppgifter. Spara den bara där den är skyddad, och radera den när den inte längre behövs. Exportera ändå?</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Exportera PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>Utskriften misslyckades: %1</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Filen kunde inte sparas: %1</translation>
    </message>
    <message>
        <source>The %1 text has not been reviewed by a native speaker. Check it with an interpreter before handing it over, if you can.</source>
        <translation>Texten på %1 är inte granskad av någon med språket som modersmål. Kontrollera den med tolk innan du lämnar ut den, om det går.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Use at least {count} characters.</source>
        <translation>Använd minst {count} tecken.</translation>
    </message>
    <message>
        <source>Too few different characters.</source>
        <translation>För få olika tecken.</translation>
    </message>
    <message>
        <source>A keyboard or number run is easy to guess.</source>
        <translation>En följd på tangentbordet eller av siffror är lätt att gissa.</translation>
    </message>
    <message>
        <source>Built on a common word: easy to guess.</source>
        <translation>Bygger på ett vanligt ord och är lätt att gissa.</translation>
    </message>
    <message>
        <source>Must not contain your officer id or name.</source>
        <translation>Får inte innehålla ditt tjänste-id eller namn.</translation>
    </message>
    <message>
        <source>This passphrase is not accepted.</source>
        <translation>Lösenfrasen godtas inte.</translation>
    </message>
    <message>
        <source>Use 2–32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (your service id).</source>
        <translation>Använd 2–32 bokstäver, siffror, &apos;.&apos;, &apos;_&apos; eller &apos;-&apos; (ditt tjänste-id).</translation>
    </message>
    <message>
        <source>Enter a name of at most 80 characters.</source>
        <translation>Ange ett namn på högst 80 tecken.</translation>
    </message>
    <message>
        <source>The new passphrase must differ from the current one.</source>
        <translation>Den nya lösenfrasen måste skilja sig från den nuvarande.</translation>
    </message>
    <message>
        <source>Choose one of the listed roles.</source>
        <translation>Välj en av rollerna i listan.</translation>
    </message>
    <message>
        <source>Choose a lock time between 30 seconds and 60 minutes.</source>
        <translation>Välj en låstid mellan 30 sekunder och 60 minuter.</translation>
    </message>
    <message>
        <source>The value was not accepted.</source>
        <translation>Värdet godtogs inte.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait {seconds} s and try again.</source>
        <translation>För många misslyckade försök. Vänta {seconds} s och försök igen.</translation>
    </message>
    <message>
        <source>Wrong officer id or passphrase.</source>
        <translation>Fel tjänste-id eller lösenfras.</translation>
    </message>
    <message>
        <source>The key file (vault.keys) is damaged, missing or of an unknown version, so the vault cannot be opened. Nothing has been changed. Contact your administrator: the station can restore access.</source>
        <translation>Nyckelfilen (vault.keys) är skadad, saknas eller har en okänd version, så valvet kan inte öppnas. Ingenting har ändrats. Kontakta din administratör: stationen kan återställa åtkomsten.</translation>
    </message>
    <message>
        <source>The vault database (vault.db) is damaged or does not belong to this key file. Nothing has been changed. Contact your administrator.</source>
        <translation>Valvets databas (vault.db) är skadad eller hör inte till den här nyckelfilen. Ingenting har ändrats. Kontakta din administratör.</translation>
    </message>
    <message>
        <source>A vault already exists in this folder.</source>
        <translation>Det finns redan ett valv i den här mappen.</translation>
    </message>
    <message>
        <source>There is no vault in this folder yet.</source>
        <translation>Det finns inget valv i den här mappen ännu.</translation>
    </message>
    <message>
        <source>The disk refused to save (full, read-only or no permission). Nothing was saved.</source>
        <translation>Disken vägrade spara (full, skrivskyddad eller behörighet saknas). Ingenting sparades.</translation>
    </message>
    <message>
        <source>This installation lacks the encryption library. Reinstall the application.</source>
        <translation>Installationen saknar krypteringsbiblioteket. Installera om programmet.</translation>
    </message>
    <message>
        <source>Your role does not permit this.</source>
        <translation>Din roll tillåter inte detta.</translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it to continue.</source>
        <translation>Valvet är låst. Lås upp det för att fortsätta.</translation>
    </message>
    <message>
        <source>Internal error: this could not be completed. The error has been logged; please report it.</source>
        <translation>Internt fel: det gick inte att slutföra. Felet har loggats; rapportera det gärna.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to {app}</source>
        <translation>Välkommen till {app}</translation>
    </message>
    <message>
        <source>There is no vault on this computer yet. Create it here: you become its administrator and can then enrol the other officers.</source>
        <translation>Det finns inget valv på den här datorn ännu. Skapa det här: du blir dess administratör och kan sedan registrera de andra poliserna.</translation>
    </message>
    <message>
        <source>your service id, e.g. A123456</source>
        <translation>ditt tjänste-id, t.ex. A123456</translation>
    </message>
    <message>
        <source>first and last name</source>
        <translation>för- och efternamn</translation>
    </message>
    <message>
        <source>S&amp;how passphrases</source>
        <translation>&amp;Visa lösenfraserna</translation>
    </message>
    <message>
        <source>A passphrase of several words is easy to remember and hard to guess, e.g. a short sentence only you would say. It cannot be recovered on this computer if forgotten.</source>
        <translation>En lösenfras av flera ord är lätt att minnas och svår att gissa, t.ex. en kort mening som bara du skulle säga. Den kan inte återställas på den här datorn om du glömmer den.</translation>
    </message>
    <message>
        <source>Officer &amp;id:</source>
        <translation>&amp;Tjänste-id:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation>&amp;Upprepa lösenfras:</translation>
    </message>
    <message>
        <source>&amp;Create vault</source>
        <translation>&amp;Skapa valvet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>Passphrase accepted.</source>
        <translation>Lösenfrasen godtas.</translation>
    </message>
    <message>
        <source>The passphrases differ.</source>
        <translation>Lösenfraserna skiljer sig åt.</translation>
    </message>
    <message>
        <source>Creating the vault: measuring this computer to set the strength of the key protection. This takes a few seconds…</source>
        <translation>Skapar valvet: mäter datorns hastighet för att ställa in nyckelskyddets styrka. Det tar några sekunder …</translation>
    </message>
</context>
<context>
    <name>LockedPage</name>
    <message>
        <source>The vault is locked</source>
        <translation>Valvet är låst</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>Lås &amp;upp …</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Unlock the vault on this computer.</source>
        <translation>Lås upp valvet på den här datorn.</translation>
    </message>
    <message>
        <source>&amp;Fill in</source>
        <translation>&amp;Fyll i</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo mode:&lt;/b&gt; a vault with invented data. Passphrase: &lt;b&gt;{passphrase}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Demoläge:&lt;/b&gt; valv med påhittade uppgifter. Lösenfras: &lt;b&gt;{passphrase}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>your service id, e.g. A123456</source>
        <translation>ditt tjänste-id, t.ex. A123456</translation>
    </message>
    <message>
        <source>Officer &amp;id:</source>
        <translation>&amp;Tjänste-id:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <source>Vault: {folder}</source>
        <translation>Valv: {folder}</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Lås &amp;upp</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>Enter your officer id.</source>
        <translation>Ange ditt tjänste-id.</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Ange din lösenfras.</translation>
    </message>
    <message>
        <source>Try again in {seconds} s</source>
        <translation>Försök igen om {seconds} s</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gå till</translation>
    </message>
    <message>
        <source>Vault: {folder}</source>
        <translation>Valv: {folder}</translation>
    </message>
    <message>
        <source>Locks in {time}</source>
        <translation>Låses om {time}</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming in a later version.</source>
        <translation>Kommer i en senare version.</translation>
    </message>
    <message>
        <source>Keys: Ctrl+1 to Ctrl+6 switch section, Ctrl+L locks the vault.</source>
        <translation>Tangenter: Ctrl+1 till Ctrl+6 byter avsnitt, Ctrl+L låser valvet.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Field officer</source>
        <translation>Fältpolis</translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation>Gruppchef</translation>
    </message>
    <message>
        <source>Station staff</source>
        <translation>Stationspersonal</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administratör</translation>
    </message>
</context>
</TS>
