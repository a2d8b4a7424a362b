<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>AccessLog</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Öppnad av</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Dator</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>den här datorn</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>öppnade</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>låste upp</translation>
    </message>
    <message>
        <source>failed unlocks</source>
        <translation>misslyckade upplåsningar</translation>
    </message>
    <message>
        <source>listed the access log</source>
        <translation>listade åtkomstloggen</translation>
    </message>
    <message>
        <source>the vault</source>
        <translation>valvet</translation>
    </message>
    <message>
        <source>ad</source>
        <translation>annons</translation>
    </message>
</context>
<context>
    <name>AccessLogDialog</name>
    <message>
        <source>Access log</source>
        <translation>Åtkomstlogg</translation>
    </message>
    <message>
        <source>&amp;Case id</source>
        <translation>Ä&amp;rende-id</translation>
    </message>
    <message>
        <source>&amp;Person id</source>
        <translation>&amp;Person-id</translation>
    </message>
    <message>
        <source>Opened &amp;by (officer id)</source>
        <translation>Öppnad a&amp;v (tjänste-id)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>&amp;From day</source>
        <translation>Från &amp;dag</translation>
    </message>
    <message>
        <source>&amp;Through day</source>
        <translation>&amp;Till och med dag</translation>
    </message>
    <message>
        <source>&amp;List (Enter)</source>
        <translation>&amp;Lista (Enter)</translation>
    </message>
    <message>
        <source>Every listing is itself recorded in the access log.</source>
        <translation>Varje listning registreras själv i åtkomstloggen.</translation>
    </message>
    <message>
        <source>{count} access(es) listed.</source>
        <translation>{count} åtkomster listade.</translation>
    </message>
</context>
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
        <source>&amp;New case</source>
        <translation>&amp;Nytt ärende</translation>
    </message>
    <message>
        <source>&amp;Contacts on duty</source>
        <translation>&amp;Kontakter i tjänst</translation>
    </message>
    <message>
        <source>&amp;Quick note</source>
        <translation>&amp;Snabbanteckning</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>Sö&amp;k</translation>
    </message>
    <message>
        <source>&amp;Why this status?</source>
        <translation>&amp;Varför denna status?</translation>
    </message>
    <message>
        <source>Ne&amp;xt open step</source>
        <translation>N&amp;ästa öppna steg</translation>
    </message>
    <message>
        <source>P&amp;revious step</source>
        <translation>&amp;Föregående steg</translation>
    </message>
    <message>
        <source>C&amp;hecklist</source>
        <translation>&amp;Checklistan</translation>
    </message>
    <message>
        <source>&amp;Link an ad…</source>
        <translation>Koppla &amp;annons…</translation>
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
        <source>Dashboard</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <source>The operation in use: its cases with their status, the contacts on duty and the figures so far.</source>
        <translation>Insatsen som används: ärendena med status, kontakterna i tjänst och siffrorna hittills.</translation>
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
    <message>
        <source>What is still &amp;missing</source>
        <translation>Va&amp;d som saknas</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Kopiera &amp;diagnostik</translation>
    </message>
</context>
<context>
    <name>AdDetail</name>
    <message>
        <source>Choose a hit in the list (arrow keys) to see it here.</source>
        <translation>Välj en träff i listan (piltangenterna) för att se den här.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Webbplats</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Priser</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Sedd</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <source>Ad text</source>
        <translation>Annonstext</translation>
    </message>
    <message>
        <source>Seen again to&amp;day</source>
        <translation>Sedd igen i &amp;dag</translation>
    </message>
    <message>
        <source>Ta&amp;ken down</source>
        <translation>Borttage&amp;n</translation>
    </message>
    <message>
        <source>Wh&amp;y</source>
        <translation>&amp;Varför</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>Återka&amp;lla…</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Fi&amp;les</source>
        <translation>Fil&amp;er</translation>
    </message>
    <message>
        <source>Files of the ad</source>
        <translation>Annonsens filer</translation>
    </message>
    <message>
        <source>Show the file (Enter)</source>
        <translation>Visa filen (Enter)</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>Öppna &amp;ärendet</translation>
    </message>
    <message>
        <source>why: e.g. registered twice by mistake</source>
        <translation>varför: t.ex. registrerad två gånger av misstag</translation>
    </message>
    <message>
        <source>Withdraw the ad (Enter)</source>
        <translation>Återkalla annonsen (Enter)</translation>
    </message>
    <message>
        <source>Nothing chosen</source>
        <translation>Inget valt</translation>
    </message>
    <message>
        <source>first {first}, last {last}</source>
        <translation>först {first}, senast {last}</translation>
    </message>
    <message>
        <source>Note in a case</source>
        <translation>Anteckning i ett ärende</translation>
    </message>
    <message>
        <source>confirmed as one advertiser with {count} other(s)</source>
        <translation>bekräftad samma annonsör som {count} till</translation>
    </message>
    <message>
        <source>Recorded as seen again.</source>
        <translation>Registrerad som sedd igen.</translation>
    </message>
    <message>
        <source>Recorded as taken down.</source>
        <translation>Registrerad som borttagen.</translation>
    </message>
    <message>
        <source>Reason: say why the ad is withdrawn.</source>
        <translation>Varför: skriv varför annonsen återkallas.</translation>
    </message>
    <message>
        <source>The ad was withdrawn (it stays in the log).</source>
        <translation>Annonsen är återkallad (den finns kvar i loggen).</translation>
    </message>
    <message>
        <source>Same advertiser?</source>
        <translation>Samma annonsör?</translation>
    </message>
    <message>
        <source>Correct deta&amp;ils…</source>
        <translation>Rätta &amp;uppgifter…</translation>
    </message>
    <message>
        <source>Add &amp;pictures…</source>
        <translation>Lägg till skärm&amp;bilder…</translation>
    </message>
    <message>
        <source>Add screenshots of the ad (PNG, JPEG …)</source>
        <translation>Lägg till skärmbilder av annonsen (PNG, JPEG …)</translation>
    </message>
    <message>
        <source>&amp;View the proposal</source>
        <translation>Visa fö&amp;rslaget</translation>
    </message>
    <message>
        <source>same phone {numbers}</source>
        <translation>samma telefon {numbers}</translation>
    </message>
    <message>
        <source>near-identical text</source>
        <translation>nästan samma text</translation>
    </message>
    <message>
        <source>proposed with {count} other ad(s): {why}</source>
        <translation>förslag med {count} annons(er) till: {why}</translation>
    </message>
    <message>
        <source>Corrected. What it said before stays in its history.</source>
        <translation>Rättad. Det som stod förut finns kvar i historiken.</translation>
    </message>
    <message>
        <source>Nothing differed: nothing was changed.</source>
        <translation>Inget skilde sig: ingenting ändrades.</translation>
    </message>
    <message>
        <source>{count} screenshot(s) added to the ad.</source>
        <translation>{count} skärmbild(er) lades till annonsen.</translation>
    </message>
    <message>
        <source>The ad already has these files: nothing was added.</source>
        <translation>Annonsen har redan de här filerna: ingenting lades till.</translation>
    </message>
</context>
<context>
    <name>Ads</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>borttagen</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>kopplad</translation>
    </message>
    <message>
        <source>Ad</source>
        <translation>Annons</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>Hotell</translation>
    </message>
    <message>
        <source>Taxi company</source>
        <translation>Taxibolag</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefon</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-post</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>på plats</translation>
    </message>
    <message>
        <source>web form</source>
        <translation>webbformulär</translation>
    </message>
    <message>
        <source>other</source>
        <translation>annat</translation>
    </message>
    <message>
        <source>screenshot</source>
        <translation>skärmbild</translation>
    </message>
    <message>
        <source>saved page</source>
        <translation>sparad sida</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fil</translation>
    </message>
    <message>
        <source>site</source>
        <translation>webbplats</translation>
    </message>
    <message>
        <source>web address</source>
        <translation>webbadress</translation>
    </message>
    <message>
        <source>title</source>
        <translation>rubrik</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>price</source>
        <translation>pris</translation>
    </message>
    <message>
        <source>municipality</source>
        <translation>kommun</translation>
    </message>
    <message>
        <source>hotel</source>
        <translation>hotell</translation>
    </message>
    <message>
        <source>first seen</source>
        <translation>först sedd</translation>
    </message>
    <message>
        <source>last seen</source>
        <translation>senast sedd</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>note</source>
        <translation>anteckning</translation>
    </message>
    <message>
        <source>case</source>
        <translation>ärende</translation>
    </message>
    <message>
        <source>ads</source>
        <translation>annonser</translation>
    </message>
    <message>
        <source>phone in the case: {detail}</source>
        <translation>telefon i ärendet: {detail}</translation>
    </message>
    <message>
        <source>names the hotel {detail}</source>
        <translation>nämner hotellet {detail}</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Filen</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translation>Rad {line}</translation>
    </message>
    <message>
        <source>night</source>
        <translation>natt</translation>
    </message>
    <message>
        <source>(withdrawn)</source>
        <translation>(återkallad)</translation>
    </message>
    <message>
        <source>The amount can be read more than one way: check it against the ad.</source>
        <translation>Beloppet kan läsas på mer än ett sätt: kontrollera det mot annonsen.</translation>
    </message>
    <message>
        <source>No currency in the ad: read as a price from the words around it. Check it.</source>
        <translation>Ingen valuta i annonsen: tolkat som ett pris utifrån orden runt omkring. Kontrollera det.</translation>
    </message>
    <message>
        <source>Written with the letter O for a zero: check the number against the ad.</source>
        <translation>Skrivet med bokstaven O i stället för noll: kontrollera numret mot annonsen.</translation>
    </message>
    <message>
        <source>Written across a line break: check that it is one number.</source>
        <translation>Skrivet över en radbrytning: kontrollera att det är ett och samma nummer.</translation>
    </message>
    <message>
        <source>same advertiser</source>
        <translation>samma annonsör</translation>
    </message>
    <message>
        <source>not the same</source>
        <translation>inte samma</translation>
    </message>
</context>
<context>
    <name>AdsDialogs</name>
    <message>
        <source>Import ads</source>
        <translation>Importera annonser</translation>
    </message>
    <message>
        <source>Ads (*.csv *.html *.htm *.mhtml *.mht);;All files (*)</source>
        <translation>Annonser (*.csv *.html *.htm *.mhtml *.mht);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Add screenshots of the ad</source>
        <translation>Lägg till skärmbilder av annonsen</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.gif *.pdf);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.gif *.pdf);;Alla filer (*)</translation>
    </message>
</context>
<context>
    <name>AdsModel</name>
    <message>
        <source>Last seen</source>
        <translation>Senast sedd</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Webbplats</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Priser</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>AdsPage</name>
    <message>
        <source>Ads</source>
        <translation>Annonser</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Sök</translation>
    </message>
    <message>
        <source>&amp;Register and import</source>
        <translation>Registrera och &amp;importera</translation>
    </message>
    <message>
        <source>Same &amp;advertiser?</source>
        <translation>Sa&amp;mma annonsör?</translation>
    </message>
    <message>
        <source>&amp;Hotels and taxis</source>
        <translation>&amp;Hotell och taxi</translation>
    </message>
    <message>
        <source>&amp;Tips</source>
        <translation>Ti&amp;ps</translation>
    </message>
</context>
<context>
    <name>AlarmPane</name>
    <message>
        <source>Laptop</source>
        <translation>Dator</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Larmat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>e.g. The cloned laptop was taken out of use; bundle resent.</source>
        <translation>t.ex. Den klonade datorn togs ur bruk; paketet skickades igen.</translation>
    </message>
    <message>
        <source>&amp;Note: what was done</source>
        <translation>&amp;Anteckning: vad som gjordes</translation>
    </message>
    <message>
        <source>Cl&amp;ose the alarm</source>
        <translation>&amp;Stäng larmet</translation>
    </message>
    <message>
        <source>entries {first} to {last}</source>
        <translation>poster {first} till {last}</translation>
    </message>
    <message>
        <source>At entry {seq} of the laptop&apos;s record.</source>
        <translation>Vid post {seq} i datorns logg.</translation>
    </message>
    <message>
        <source>The bundle as a whole.</source>
        <translation>Paketet som helhet.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>The diagnostics are copied: paste them into your report. They hold versions only, no personal data.

The log: {log}</source>
        <translation>Diagnostiken är kopierad: klistra in den i din felrapport. Den innehåller bara versioner, inga personuppgifter.

Loggen: {log}</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>The picture cannot be shown: it is no PNG or JPEG image.</source>
        <translation>Bilden kan inte visas: den är ingen PNG- eller JPEG-bild.</translation>
    </message>
    <message>
        <source>This kind of file cannot be shown here ({type}).</source>
        <translation>Den här sortens fil kan inte visas här ({type}).</translation>
    </message>
    <message>
        <source>captured {when}</source>
        <translation>sparad {when}</translation>
    </message>
</context>
<context>
    <name>BackoffCountdown</name>
    <message>
        <source>Next attempt possible in {seconds} s.</source>
        <translation>Nästa försök kan göras om {seconds} s.</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Lås &amp;upp</translation>
    </message>
    <message>
        <source>Try again in {seconds} s</source>
        <translation>Försök igen om {seconds} s</translation>
    </message>
</context>
<context>
    <name>BuyerForm</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN</source>
        <translation>ÅÅÅÅMMDD-NNNN</translation>
    </message>
    <message>
        <source>&amp;Identity number</source>
        <translation>&amp;Personnummer</translation>
    </message>
    <message>
        <source>Identity established &amp;by</source>
        <translation>Identitet fastställd &amp;genom</translation>
    </message>
    <message>
        <source>only if &apos;other way&apos;</source>
        <translation>bara vid &apos;annat sätt&apos;</translation>
    </message>
    <message>
        <source>How, if ot&amp;her</source>
        <translation>Hur, o&amp;m annat</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, without a Swedish number</source>
        <translation>ÅÅÅÅ-MM-DD, om svenskt nummer saknas</translation>
    </message>
    <message>
        <source>passport, ID card …</source>
        <translation>pass, id-kort …</translation>
    </message>
    <message>
        <source>Foreign &amp;document</source>
        <translation>Utländsk &amp;handling</translation>
    </message>
    <message>
        <source>Document n&amp;umber</source>
        <translation>Handlingens numm&amp;er</translation>
    </message>
    <message>
        <source>Issuing countr&amp;y</source>
        <translation>Utfärdande &amp;land</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adress</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>Needs an interpre&amp;ter</source>
        <translation>Behöver t&amp;olk</translation>
    </message>
    <message>
        <source>Interpreter langua&amp;ge</source>
        <translation>Tolkspr&amp;åk</translation>
    </message>
    <message>
        <source>Ci&amp;vil status</source>
        <translation>C&amp;ivilstånd</translation>
    </message>
    <message>
        <source>personnummer</source>
        <translation>personnummer</translation>
    </message>
    <message>
        <source>samordningsnummer</source>
        <translation>samordningsnummer</translation>
    </message>
    <message>
        <source>✓ {kind}, born {born} ({age} years)</source>
        <translation>✓ {kind}, född {born} ({age} år)</translation>
    </message>
    <message>
        <source>Date of bi&amp;rth</source>
        <translation>&amp;Födelsedatum</translation>
    </message>
    <message>
        <source>sv, or several: ro, en</source>
        <translation>sv, eller flera: ro, en</translation>
    </message>
    <message>
        <source>one language, e.g. ro</source>
        <translation>ett språk, t.ex. ro</translation>
    </message>
    <message>
        <source>Childr&amp;en under 18</source>
        <translation>Barn &amp;under 18</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Take a photo</source>
        <translation>Ta ett foto</translation>
    </message>
    <message>
        <source>&amp;Take the photo (Enter)</source>
        <translation>&amp;Ta fotot (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>The camera is not ready yet.</source>
        <translation>Kameran är inte redo än.</translation>
    </message>
    <message>
        <source>The photo could not be taken.</source>
        <translation>Fotot kunde inte tas.</translation>
    </message>
    <message>
        <source>The camera cannot be used now.</source>
        <translation>Kameran kan inte användas nu.</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Ad</source>
        <translation>Annons</translation>
    </message>
</context>
<context>
    <name>CaseDetailsStep</name>
    <message>
        <source>Entry and place</source>
        <translation>Inträde och plats</translation>
    </message>
    <message>
        <source>Check the place and the entry time and who went in; then tick (Enter).</source>
        <translation>Kontrollera platsen, tiden för inträdet och vilka som gick in; bocka sedan av (Enter).</translation>
    </message>
    <message>
        <source>e.g. key card from the reception</source>
        <translation>t.ex. nyckelkort från receptionen</translation>
    </message>
    <message>
        <source>Entry &amp;note</source>
        <translation>&amp;Anteckning om inträdet</translation>
    </message>
    <message>
        <source>Entry noted ✓ – next step (Enter)</source>
        <translation>Inträdet antecknat ✓ – nästa steg (Enter)</translation>
    </message>
    <message>
        <source>&amp;Tick: entry noted (Enter)</source>
        <translation>&amp;Bocka av: inträdet antecknat (Enter)</translation>
    </message>
    <message>
        <source>Not saved yet: correct the field marked above.</source>
        <translation>Inte sparat än: rätta fältet som är markerat ovan.</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>&amp;Entry time</source>
        <translation>Tid för &amp;inträde</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Närvarande</translation>
    </message>
    <message>
        <source>e.g. 5000-K123456-26</source>
        <translation>t.ex. 5000-K123456-26</translation>
    </message>
    <message>
        <source>Police case num&amp;ber</source>
        <translation>Polisens diarie&amp;nummer</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>Why? (F1)</source>
        <translation>Varför? (F1)</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Alla ärenden</translation>
    </message>
    <message>
        <source>room {room}</source>
        <translation>rum {room}</translation>
    </message>
    <message>
        <source>entry {day} {time}</source>
        <translation>inträde {day} {time}</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Entry</source>
        <translation>Inträde</translation>
    </message>
    <message>
        <source>Place and room</source>
        <translation>Plats och rum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flaggor</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>room {room}</source>
        <translation>rum {room}</translation>
    </message>
</context>
<context>
    <name>CaseScreen</name>
    <message>
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Timeline, newest first</source>
        <translation>Tidslinje, senaste först</translation>
    </message>
    <message>
        <source>Checklist (F6)</source>
        <translation>Checklista (F6)</translation>
    </message>
    <message>
        <source>Quick note: type and press Enter (Ctrl+Enter jumps here)</source>
        <translation>Snabbanteckning: skriv och tryck Enter (Ctrl+Enter hoppar hit)</translation>
    </message>
    <message>
        <source>Add the buyer</source>
        <translation>Lägg till köparen</translation>
    </message>
    <message>
        <source>Add the seller</source>
        <translation>Lägg till säljaren</translation>
    </message>
    <message>
        <source>Witness: {name}</source>
        <translation>Vittne: {name}</translation>
    </message>
    <message>
        <source>Add another buyer</source>
        <translation>Lägg till ytterligare en köpare</translation>
    </message>
    <message>
        <source>Add another seller</source>
        <translation>Lägg till ytterligare en säljare</translation>
    </message>
    <message>
        <source>Add a witness</source>
        <translation>Lägg till ett vittne</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>Avsluta ärendet</translation>
    </message>
    <message>
        <source>Case {status}</source>
        <translation>Ärendet {status}</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Ärendesammanfattning</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>saved ✓ {time}: {step}</source>
        <translation>sparat ✓ {time}: {step}</translation>
    </message>
    <message>
        <source>Nothing is missing: every element and every mandatory step is done.</source>
        <translation>Inget saknas: alla rekvisit och alla obligatoriska steg är klara.</translation>
    </message>
    <message>
        <source>Still missing (F4 hides this):</source>
        <translation>Saknas fortfarande (F4 döljer detta):</translation>
    </message>
    <message>
        <source>for a completed offence: {elements}</source>
        <translation>för fullbordat brott: {elements}</translation>
    </message>
    <message>
        <source>steps: {steps}</source>
        <translation>steg: {steps}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>inget</translation>
    </message>
    <message>
        <source>The case: {steps}</source>
        <translation>Ärendet: {steps}</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Search place, room or name (Ctrl+F)</source>
        <translation>Sök plats, rum eller namn (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;New case (Ctrl+N)</source>
        <translation>&amp;Nytt ärende (Ctrl+N)</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nytt ärende</translation>
    </message>
    <message>
        <source>The place is filled in from the last case; change what differs. The entry time is now unless you type another (2142 or 21:42). Enter opens the case.</source>
        <translation>Platsen fylls i från förra ärendet; ändra det som skiljer. Tiden för inträdet är nu om du inte skriver en annan (2142 eller 21:42). Enter öppnar ärendet.</translation>
    </message>
    <message>
        <source>&amp;Open the case (Enter)</source>
        <translation>&amp;Öppna ärendet (Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cases: {operation}</source>
        <translation>Ärenden: {operation}</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>No operation yet: create one under Operations (Ctrl+1).</source>
        <translation>Ingen insats ännu: skapa en under Insatser (Ctrl+1).</translation>
    </message>
    <message>
        <source>No case matches the search.</source>
        <translation>Inget ärende matchar sökningen.</translation>
    </message>
    <message>
        <source>No cases yet. Ctrl+N opens a new one.</source>
        <translation>Inga ärenden ännu. Ctrl+N öppnar ett nytt.</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <source>&amp;Operation</source>
        <translation>Insa&amp;ts</translation>
    </message>
    <message>
        <source>Case &amp;summary…</source>
        <translation>Ärende&amp;sammanfattning…</translation>
    </message>
    <message>
        <source>Choose an operation first.</source>
        <translation>Välj en insats först.</translation>
    </message>
    <message>
        <source>All operations</source>
        <translation>Alla insatser</translation>
    </message>
    <message>
        <source>Cases: {count}</source>
        <translation>Ärenden: {count}</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>Ärendets uppgifter</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Ärendesammanfattning</translation>
    </message>
    <message>
        <source>Operation report</source>
        <translation>Insatsrapport</translation>
    </message>
    <message>
        <source>Wait until the work in progress is done.</source>
        <translation>Vänta tills arbetet som pågår är klart.</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Alla ärenden</translation>
    </message>
    <message>
        <source>Operation repor&amp;t…</source>
        <translation>Insats&amp;rapport…</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Möjliga dubbletter</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>words in any column</source>
        <translation>ord i någon kolumn</translation>
    </message>
    <message>
        <source>Fi&amp;nd</source>
        <translation>&amp;Hitta</translation>
    </message>
    <message>
        <source>Open t&amp;he case (Enter)</source>
        <translation>&amp;Öppna ärendet (Enter)</translation>
    </message>
    <message>
        <source>Mark re&amp;viewed</source>
        <translation>&amp;Markera granskat</translation>
    </message>
    <message>
        <source>Needs &amp;attention</source>
        <translation>Behöver &amp;åtgärd</translation>
    </message>
    <message>
        <source>Cases: {shown} of {count}</source>
        <translation>Ärenden: {shown} av {count}</translation>
    </message>
    <message>
        <source>possible duplicates: {count}</source>
        <translation>möjliga dubbletter: {count}</translation>
    </message>
</context>
<context>
    <name>ClipboardGuard</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiera</translation>
    </message>
</context>
<context>
    <name>CloseStep</name>
    <message>
        <source>Close the case</source>
        <translation>Avsluta ärendet</translation>
    </message>
    <message>
        <source>&amp;Close the case (Enter)</source>
        <translation>&amp;Avsluta ärendet (Enter)</translation>
    </message>
    <message>
        <source>&amp;Reopen the case</source>
        <translation>&amp;Öppna ärendet igen</translation>
    </message>
    <message>
        <source>e.g. the trafficking investigators</source>
        <translation>t.ex. utredarna för människohandel</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>Ö&amp;verlämna</translation>
    </message>
    <message>
        <source>Hand over &amp;to</source>
        <translation>Överlämna &amp;till</translation>
    </message>
    <message>
        <source>The case is {status}.</source>
        <translation>Ärendet är {status}.</translation>
    </message>
    <message>
        <source>Still open before the case can be closed:</source>
        <translation>Öppet innan ärendet kan avslutas:</translation>
    </message>
    <message>
        <source>Every mandatory item is done. The case can be closed.</source>
        <translation>Alla obligatoriska punkter är klara. Ärendet kan stängas.</translation>
    </message>
</context>
<context>
    <name>CompaniesModel</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Sheet given</source>
        <translation>Fick bladet</translation>
    </message>
</context>
<context>
    <name>CompanyActions</name>
    <message>
        <source>Corr&amp;ect…</source>
        <translation>&amp;Rätta…</translation>
    </message>
    <message>
        <source>Remove from the county&apos;s directory?</source>
        <translation>Ta bort ur länets katalog?</translation>
    </message>
    <message>
        <source>Re&amp;move from the directory</source>
        <translation>Ta &amp;bort ur katalogen</translation>
    </message>
    <message>
        <source>Remove from the director&amp;y…</source>
        <translation>Ta bort &amp;från katalogen…</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <source>Correct the directory entry</source>
        <translation>Rätta uppgifterna i katalogen</translation>
    </message>
    <message>
        <source>&amp;Save the changes (Enter)</source>
        <translation>&amp;Spara ändringarna (Enter)</translation>
    </message>
    <message>
        <source>Sheets handed over earlier stay logged under the name they were given under.</source>
        <translation>Blad som redan lämnats står kvar i loggen under det namn de lämnades under.</translation>
    </message>
</context>
<context>
    <name>CompanyForm</name>
    <message>
        <source>e.g. Hotell Exempel</source>
        <translation>t.ex. Hotell Exempel</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Typ</translation>
    </message>
    <message>
        <source>M&amp;unicipality</source>
        <translation>K&amp;ommun</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>A&amp;dress</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Tel&amp;efon</translation>
    </message>
    <message>
        <source>Added to the directory: {name}.</source>
        <translation>Tillagd i katalogen: {name}.</translation>
    </message>
</context>
<context>
    <name>ConflictPane</name>
    <message>
        <source>Two edits of the same field met here. The record keeps the current value until you choose; your choice is recorded as a new entry that names both.</source>
        <translation>Två ändringar av samma fält möttes här. Uppgiften behåller det nuvarande värdet tills du väljer; ditt val registreras som en ny post som nämner båda.</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Nuvarande värde</translation>
    </message>
    <message>
        <source>Keep the c&amp;urrent value</source>
        <translation>Behåll det nuva&amp;rande värdet</translation>
    </message>
    <message>
        <source>Incoming value</source>
        <translation>Inkommande värde</translation>
    </message>
    <message>
        <source>Keep the i&amp;ncoming value</source>
        <translation>Behåll det inko&amp;mmande värdet</translation>
    </message>
    <message>
        <source>{what}: {field}</source>
        <translation>{what}: {field}</translation>
    </message>
    <message>
        <source>Case: {case}</source>
        <translation>Ärende: {case}</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>— choose —</source>
        <translation>— välj —</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Roll</translation>
    </message>
    <message>
        <source>e.g. Åklagarmyndigheten</source>
        <translation>t.ex. Åklagarmyndigheten</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>e.g. Västerås office</source>
        <translation>t.ex. kammaren i Västerås</translation>
    </message>
    <message>
        <source>Un&amp;it</source>
        <translation>&amp;Enhet</translation>
    </message>
    <message>
        <source>e.g. weekdays 8–17, on call otherwise</source>
        <translation>t.ex. vardagar 8–17, annars jour</translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation>T&amp;ider</translation>
    </message>
    <message>
        <source>&amp;Date verified</source>
        <translation>Kontrollerad &amp;den</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Tele&amp;fon</translation>
    </message>
    <message>
        <source>E-mai&amp;l</source>
        <translation>E-&amp;post</translation>
    </message>
    <message>
        <source>&amp;Web</source>
        <translation>&amp;Webb</translation>
    </message>
    <message>
        <source>Not&amp;e</source>
        <translation>Anteckni&amp;ng</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <source>Contacts directory</source>
        <translation>Kontaktlista</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Ny kontakt</translation>
    </message>
    <message>
        <source>&amp;Add to the directory (Enter)</source>
        <translation>&amp;Lägg till i kontaktlistan (Enter)</translation>
    </message>
    <message>
        <source>Change: {name}</source>
        <translation>Ändra: {name}</translation>
    </message>
    <message>
        <source>&amp;Save the changes (Enter)</source>
        <translation>&amp;Spara ändringarna (Enter)</translation>
    </message>
    <message>
        <source>Added to the directory: {name}.</source>
        <translation>Tillagd i kontaktlistan: {name}.</translation>
    </message>
    <message>
        <source>Removed from the directory: {name}.</source>
        <translation>Borttagen ur kontaktlistan: {name}.</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Tider</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <source>Contacts on duty</source>
        <translation>Kontakter i tjänst</translation>
    </message>
    <message>
        <source>F2 or Esc closes. Check the numbers before the raid.</source>
        <translation>F2 eller Esc stänger. Kontrollera numren före tillslaget.</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Laget</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>CorrectAdDialog</name>
    <message>
        <source>Correct the ad</source>
        <translation>Rätta annonsen</translation>
    </message>
    <message>
        <source>Change what is wrong. The correction is saved as a new entry; what the ad said before stays in its history.</source>
        <translation>Ändra det som är fel. Rättelsen sparas som en ny post; det annonsen sa förut finns kvar i historiken.</translation>
    </message>
    <message>
        <source>Your corrections from before the lock are back: check them, then save.</source>
        <translation>Dina rättelser från före låsningen är tillbaka: kontrollera dem och spara sedan.</translation>
    </message>
    <message>
        <source>Save the correction (Enter)</source>
        <translation>Spara rättelsen (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
</context>
<context>
    <name>CorrectAdForm</name>
    <message>
        <source>Tit&amp;le</source>
        <translation>R&amp;ubrik</translation>
    </message>
    <message>
        <source>Ad te&amp;xt</source>
        <translation>Annonste&amp;xt</translation>
    </message>
    <message>
        <source>Sit&amp;e</source>
        <translation>Webbpla&amp;ts</translation>
    </message>
    <message>
        <source>&amp;Web address</source>
        <translation>&amp;Webbadress</translation>
    </message>
    <message>
        <source>commas between numbers</source>
        <translation>komma mellan numren</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>Tele&amp;fon</translation>
    </message>
    <message>
        <source>commas between addresses</source>
        <translation>komma mellan adresserna</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>&amp;E-post</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Priser</translation>
    </message>
    <message>
        <source>e.g. 1 500 kr / 30 min; 2 500 kr / 1 h</source>
        <translation>t.ex. 1 500 kr / 30 min; 2 500 kr / 1 h</translation>
    </message>
    <message>
        <source>&amp;Add prices</source>
        <translation>&amp;Lägg till priser</translation>
    </message>
    <message>
        <source>M&amp;unicipality</source>
        <translation>&amp;Kommun</translation>
    </message>
    <message>
        <source>H&amp;otel</source>
        <translation>H&amp;otell</translation>
    </message>
    <message>
        <source>&amp;First seen</source>
        <translation>F&amp;örst sedd</translation>
    </message>
    <message>
        <source>La&amp;st seen</source>
        <translation>&amp;Senast sedd</translation>
    </message>
    <message>
        <source>a note on the ad (optional)</source>
        <translation>en anteckning om annonsen (frivilligt)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Anteckning</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>cases</source>
        <translation>ärenden</translation>
    </message>
    <message>
        <source>buyers</source>
        <translation>köpare</translation>
    </message>
    <message>
        <source>sellers offered support</source>
        <translation>säljare erbjudna stöd</translation>
    </message>
    <message>
        <source>buyers offered support</source>
        <translation>köpare erbjudna stöd</translation>
    </message>
    <message>
        <source>hotels informed</source>
        <translation>hotell informerade</translation>
    </message>
    <message>
        <source>Cases (Enter opens)</source>
        <translation>Ärenden (Enter öppnar)</translation>
    </message>
    <message>
        <source>Contacts on duty (F2 anywhere)</source>
        <translation>Kontakter i tjänst (F2 var som helst)</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Laget</translation>
    </message>
    <message>
        <source>No operation yet</source>
        <translation>Ingen insats ännu</translation>
    </message>
    <message>
        <source>Create one under Operations (Ctrl+1).</source>
        <translation>Skapa en under Insatser (Ctrl+1).</translation>
    </message>
    <message>
        <source>{accepted} accepted</source>
        <translation>{accepted} tackade ja</translation>
    </message>
    <message>
        <source>Operation report</source>
        <translation>Insatsrapport</translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <source>the prosecutor&apos;s name</source>
        <translation>åklagarens namn</translation>
    </message>
    <message>
        <source>Decided &amp;by</source>
        <translation>Beslutat &amp;av</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Roll</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>&amp;Hur</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Tid</translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation>Be&amp;slut</translation>
    </message>
    <message>
        <source>&amp;Conditional sentence (villkorlig dom)</source>
        <translation>&amp;Villkorlig dom</translation>
    </message>
    <message>
        <source>Number of da&amp;y-fines</source>
        <translation>Antal &amp;dagsböter</translation>
    </message>
    <message>
        <source>kronor per day-fine</source>
        <translation>kronor per dagsbot</translation>
    </message>
    <message>
        <source>&amp;Amount per day-fine</source>
        <translation>Dagsbots&amp;belopp</translation>
    </message>
    <message>
        <source>&amp;Forfeiture (kronor)</source>
        <translation>&amp;Förverkande (kronor)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>Anteck&amp;ning</translation>
    </message>
</context>
<context>
    <name>DecisionStep</name>
    <message>
        <source>Decision and sanction: {name}</source>
        <translation>Beslut och påföljd: {name}</translation>
    </message>
    <message>
        <source>Call the prosecutor on duty (F2 shows the number). Record the decision; print the form with Ctrl+P; record his answer.</source>
        <translation>Ring jourhavande åklagare (F2 visar numret). Registrera beslutet, skriv ut blanketten med Ctrl+P och registrera hans svar.</translation>
    </message>
    <message>
        <source>Income, as he states it (for the day-fine amount)</source>
        <translation>Inkomst enligt hans uppgift (för dagsbotsbeloppet)</translation>
    </message>
    <message>
        <source>The decision</source>
        <translation>Beslutet</translation>
    </message>
    <message>
        <source>Record a &amp;new decision…</source>
        <translation>Registrera ett nytt bes&amp;lut…</translation>
    </message>
    <message>
        <source>the description of the act</source>
        <translation>gärningsbeskrivningen</translation>
    </message>
    <message>
        <source>Description of the act on the form</source>
        <translation>Gärningsbeskrivning på blanketten</translation>
    </message>
    <message>
        <source>&amp;Print the approval form (Ctrl+P)</source>
        <translation>Skriv &amp;ut godkännandeblanketten (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Yes – he accepts</source>
        <translation>&amp;Ja – han godkänner</translation>
    </message>
    <message>
        <source>N&amp;o – he declines</source>
        <translation>&amp;Nej – han godkänner inte</translation>
    </message>
    <message>
        <source>Recorded {time}: {kind}, {who}.</source>
        <translation>Registrerat {time}: {kind}, {who}.</translation>
    </message>
    <message>
        <source>{count} day-fines of {amount}.</source>
        <translation>{count} dagsböter à {amount}.</translation>
    </message>
    <message>
        <source>Conditional sentence.</source>
        <translation>Villkorlig dom.</translation>
    </message>
    <message>
        <source>He {answer} ({time}).</source>
        <translation>Han {answer} ({time}).</translation>
    </message>
    <message>
        <source>Approval form: {name}</source>
        <translation>Godkännandeblankett: {name}</translation>
    </message>
    <message>
        <source>Record the decisio&amp;n (Enter)</source>
        <translation>Re&amp;gistrera beslutet (Enter)</translation>
    </message>
</context>
<context>
    <name>DecisionsDialog</name>
    <message>
        <source>Same-advertiser decisions</source>
        <translation>Beslut om samma annonsör</translation>
    </message>
    <message>
        <source>Decisions made on proposals, newest first. Take one back if it was wrong: it stays in the log with your reason, and the ads are proposed again.</source>
        <translation>Beslut om förslag, senaste först. Återta ett beslut som var fel: det finns kvar i loggen med ditt skäl, och annonserna föreslås igen.</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>No decision has been made yet.</source>
        <translation>Inga beslut har fattats ännu.</translation>
    </message>
    <message>
        <source>why: e.g. the number changed hands</source>
        <translation>varför: t.ex. numret har bytt ägare</translation>
    </message>
    <message>
        <source>&amp;Why it is taken back</source>
        <translation>&amp;Varför det återtas</translation>
    </message>
    <message>
        <source>&amp;Take the decision back (Enter)</source>
        <translation>&amp;Återta beslutet (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
    <message>
        <source>Taken back. The ads are proposed again if a number or a text joins them.</source>
        <translation>Återtaget. Annonserna föreslås igen om ett nummer eller en text förenar dem.</translation>
    </message>
</context>
<context>
    <name>DecisionsModel</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Ads</source>
        <translation>Annonser</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
</context>
<context>
    <name>DeliveriesModel</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Verksamhet</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Sheet version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Ex.</translation>
    </message>
</context>
<context>
    <name>DeliveryForm</name>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Utdelat</translation>
    </message>
    <message>
        <source>&amp;By</source>
        <translation>&amp;Lämnat av</translation>
    </message>
    <message>
        <source>Sheet &amp;version</source>
        <translation>&amp;Bladversion</translation>
    </message>
    <message>
        <source>how many sheets were left</source>
        <translation>hur många blad som lämnades</translation>
    </message>
    <message>
        <source>C&amp;opies</source>
        <translation>E&amp;xemplar</translation>
    </message>
    <message>
        <source>— choose in the directory —</source>
        <translation>— välj i katalogen —</translation>
    </message>
    <message>
        <source>Choose the company in the directory (or add it there first).</source>
        <translation>Välj verksamheten i katalogen (eller lägg till den där först).</translation>
    </message>
    <message>
        <source>Recorded: the sheet given to {company}.</source>
        <translation>Registrerat: bladet lämnat till {company}.</translation>
    </message>
    <message>
        <source>Co&amp;mpany</source>
        <translation>&amp;Verksamhet</translation>
    </message>
</context>
<context>
    <name>DirectoryModel</name>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
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
    <name>DocumentsPage</name>
    <message>
        <source>Documents</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>{name} (not reviewed)</source>
        <translation>{name} (ej granskad)</translation>
    </message>
    <message>
        <source>&amp;Leaflet language</source>
        <translation>&amp;Språk för informationsbladet</translation>
    </message>
    <message>
        <source>&amp;Preview and print (Enter)</source>
        <translation>&amp;Förhandsgranska och skriv ut (Enter)</translation>
    </message>
    <message>
        <source>Approval form: {name}</source>
        <translation>Godkännandeblankett: {name}</translation>
    </message>
    <message>
        <source>Leaflet for the seller</source>
        <translation>Informationsblad till säljaren</translation>
    </message>
    <message>
        <source>Leaflet for the buyer</source>
        <translation>Informationsblad till köparen</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Ärendesammanfattning</translation>
    </message>
    <message>
        <source>For the open case</source>
        <translation>För det öppna ärendet</translation>
    </message>
    <message>
        <source>For the case {place}{room}.</source>
        <translation>För ärendet {place}{room}.</translation>
    </message>
    <message>
        <source>No case is open: open one (Cases, Ctrl+3) for its forms and leaflets. The material on the right needs no case.</source>
        <translation>Inget ärende är öppet: öppna ett (Ärenden, Ctrl+3) för dess blanketter och informationsblad. Materialet till höger behöver inget ärende.</translation>
    </message>
</context>
<context>
    <name>ElementForm</name>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Tid</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Källa</translation>
    </message>
    <message>
        <source>what was agreed, e.g. intercourse in the room</source>
        <translation>vad som avtalades, t.ex. samlag på rummet</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Vad</translation>
    </message>
    <message>
        <source>kronor</source>
        <translation>kronor</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Belopp</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>V&amp;aluta</translation>
    </message>
    <message>
        <source>e.g. one hour</source>
        <translation>t.ex. en timme</translation>
    </message>
    <message>
        <source>&amp;For what</source>
        <translation>&amp;För vad</translation>
    </message>
    <message>
        <source>Money sei&amp;zed</source>
        <translation>Pengarna beslagto&amp;gs</translation>
    </message>
    <message>
        <source>seizure record number</source>
        <translation>beslagsprotokollets nummer</translation>
    </message>
    <message>
        <source>Seized amou&amp;nt</source>
        <translation>Beslagtaget bel&amp;opp</translation>
    </message>
    <message>
        <source>O&amp;bserved by</source>
        <translation>Iakttag&amp;et av</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>Ante&amp;ckning</translation>
    </message>
    <message>
        <source>Seizure recor&amp;d</source>
        <translation>Beslags&amp;protokoll</translation>
    </message>
</context>
<context>
    <name>ElementsStep</name>
    <message>
        <source>Recorded for this buyer</source>
        <translation>Registrerat för den här köparen</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>R&amp;ätta…</translation>
    </message>
    <message>
        <source>Wit&amp;hdraw…</source>
        <translation>&amp;Återta…</translation>
    </message>
    <message>
        <source>why it is withdrawn (required)</source>
        <translation>varför det återtas (krävs)</translation>
    </message>
    <message>
        <source>&amp;Record {element} (Enter)</source>
        <translation>&amp;Registrera {element} (Enter)</translation>
    </message>
    <message>
        <source>Offence elements: {name}</source>
        <translation>Brottsrekvisit: {name}</translation>
    </message>
    <message>
        <source>Save the &amp;correction (Enter)</source>
        <translation>Spara &amp;rättelsen (Enter)</translation>
    </message>
</context>
<context>
    <name>EnrolOfficerDialog</name>
    <message>
        <source>Enrol an officer</source>
        <translation>Registrera en polis</translation>
    </message>
    <message>
        <source>Service &amp;id</source>
        <translation>Tjänste-&amp;id</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Roll</translation>
    </message>
    <message>
        <source>First &amp;passphrase</source>
        <translation>Första &amp;lösenfrasen</translation>
    </message>
    <message>
        <source>The passphrase a&amp;gain</source>
        <translation>Lösenfrasen i&amp;gen</translation>
    </message>
    <message>
        <source>&amp;Enrol (Enter)</source>
        <translation>R&amp;egistrera (Enter)</translation>
    </message>
    <message>
        <source>Give the officer the passphrase in person; they can change it later (fieldapp officer passwd).</source>
        <translation>Ge polisen lösenfrasen personligen; den kan bytas senare (fieldapp officer passwd).</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De två lösenfraserna skiljer sig åt.</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>New, empt&amp;y form</source>
        <translation>N&amp;y, tomt formulär</translation>
    </message>
    <message>
        <source>Saved: {title}.</source>
        <translation>Sparat: {title}.</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>e.g. wrong number, no longer on duty</source>
        <translation>t.ex. fel nummer, inte längre i tjänst</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ta &amp;bort</translation>
    </message>
    <message>
        <source>Reason to remo&amp;ve</source>
        <translation>&amp;Varför den tas bort</translation>
    </message>
    <message>
        <source>First choose in the table what to remove.</source>
        <translation>Välj först i tabellen vad som ska tas bort.</translation>
    </message>
    <message>
        <source>Give the reason for removing it: the log keeps it.</source>
        <translation>Ange skälet till att den tas bort: loggen behåller det.</translation>
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
        <source>Internal error: this could not be completed. The error has been logged in {log}; please report it.</source>
        <translation>Internt fel: det gick inte att slutföra. Felet har loggats i {log}; rapportera det gärna.</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <source>Compare the fingerprint</source>
        <translation>Jämför fingeravtrycket</translation>
    </message>
    <message>
        <source>Station: {name}</source>
        <translation>Station: {name}</translation>
    </message>
    <message>
        <source>Compare every group with the fingerprint the station shows (or that station staff read out to you). Enrol only if all five groups are the same.</source>
        <translation>Jämför varje grupp med fingeravtrycket som stationen visar (eller som stationspersonalen läser upp för dig). Registrera bara om alla fem grupperna är lika.</translation>
    </message>
    <message>
        <source>If any group differs, this card is not your station&apos;s: cancel, and tell station staff. Bundles from this laptop will be readable only by this station.</source>
        <translation>Om någon grupp skiljer sig är kortet inte din stations: avbryt och meddela stationspersonalen. Paket från den här datorn kan bara läsas av den här stationen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;All groups match: enrol</source>
        <translation>&amp;Alla grupper stämmer: registrera</translation>
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
    <name>HearingForm</name>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Tid</translation>
    </message>
    <message>
        <source>&amp;Where</source>
        <translation>&amp;Var</translation>
    </message>
    <message>
        <source>the main points; the record is written later</source>
        <translation>huvuddragen; protokollet skrivs senare</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>Ante&amp;ckning</translation>
    </message>
    <message>
        <source>&amp;Held by</source>
        <translation>&amp;Hållet av</translation>
    </message>
</context>
<context>
    <name>HearingStep</name>
    <message>
        <source>Hearing: {name}</source>
        <translation>Förhör: {name}</translation>
    </message>
    <message>
        <source>room {room}</source>
        <translation>rum {room}</translation>
    </message>
    <message>
        <source>&amp;Record the hearing (Enter)</source>
        <translation>&amp;Registrera förhöret (Enter)</translation>
    </message>
    <message>
        <source>Held {time} ({where})</source>
        <translation>Hållet {time} ({where})</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <source>Last seen</source>
        <translation>Senast sedd</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Import a file</source>
        <translation>Importera en fil</translation>
    </message>
    <message>
        <source>A CSV with a header row (rubrik/title, text, telefon, kommun …), or a web page saved as HTML or MHTML. A file with any problem is not imported at all.</source>
        <translation>En CSV-fil med rubrikrad (rubrik, text, telefon, kommun …) eller en webbsida sparad som HTML eller MHTML. En fil med något fel importeras inte alls.</translation>
    </message>
    <message>
        <source>&amp;Import a file…</source>
        <translation>&amp;Välj fil att importera…</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>Fel i filen</translation>
    </message>
    <message>
        <source>Choose or create an operation first (Ctrl+1): ads belong to one.</source>
        <translation>Välj eller skapa en insats först (Ctrl+1): annonserna hör till en insats.</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Importerar {file}…</translation>
    </message>
    <message>
        <source>{file}: nothing was imported. {count} problem(s) to fix:</source>
        <translation>{file}: ingenting importerades. {count} fel att rätta:</translation>
    </message>
    <message>
        <source>{file}: {created} ad(s) registered, {seen} already registered recorded as seen again.</source>
        <translation>{file}: {created} annonser registrerade, {seen} redan registrerade noterade som sedda igen.</translation>
    </message>
    <message>
        <source>Columns ignored: {columns}.</source>
        <translation>Kolumner som inte lästes: {columns}.</translation>
    </message>
    <message>
        <source>{file}: read. Check what was read above, then register it (Enter).</source>
        <translation>{file}: inläst. Kontrollera det som lästes ut ovan och registrera sedan (Enter).</translation>
    </message>
    <message>
        <source>Wait until the work in progress is done.</source>
        <translation>Vänta tills arbetet som pågår är klart.</translation>
    </message>
</context>
<context>
    <name>ImportResultModel</name>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>New entries</source>
        <translation>Nya poster</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Alarm: {kind}. {reason}</source>
        <translation>Larm: {kind}. {reason}</translation>
    </message>
    <message>
        <source>Waits for an earlier bundle from laptop {id}; applied when it arrives.</source>
        <translation>Väntar på ett tidigare paket från dator {id}; läggs in när det kommer.</translation>
    </message>
    <message>
        <source>Already imported: nothing changed.</source>
        <translation>Redan importerat: inget ändrades.</translation>
    </message>
    <message>
        <source>{count} held bundle(s) applied with it.</source>
        <translation>{count} väntande paket lades in samtidigt.</translation>
    </message>
    <message>
        <source>Receipt: {name}</source>
        <translation>Kvitto: {name}</translation>
    </message>
    <message>
        <source>The receipt could not be written ({error}); the laptop&apos;s next bundle will get one.</source>
        <translation>Kvittot kunde inte skrivas ({error}); datorns nästa paket får ett.</translation>
    </message>
</context>
<context>
    <name>ImportTab</name>
    <message>
        <source>Import &amp;bundles…</source>
        <translation>Importera &amp;paket…</translation>
    </message>
    <message>
        <source>Choose every bundle on the stick at once: the order does not matter, and a bundle already imported changes nothing. Each receipt is written beside its bundle (same name, .receipt); take it back to the laptop.</source>
        <translation>Välj alla paket på stickan på en gång: ordningen spelar ingen roll, och ett paket som redan importerats ändrar ingenting. Varje kvitto skrivs bredvid sitt paket (samma namn, .receipt); ta med det tillbaka till datorn.</translation>
    </message>
    <message>
        <source>Importing {number} of {total}: {name}</source>
        <translation>Importerar {number} av {total}: {name}</translation>
    </message>
    <message>
        <source>Done: {count} file(s), {refused} refused, {new} new entries.</source>
        <translation>Klart: {count} fil(er), {refused} avvisade, {new} nya poster.</translation>
    </message>
    <message>
        <source>Wait until the work in progress is done.</source>
        <translation>Vänta tills arbetet som pågår är klart.</translation>
    </message>
</context>
<context>
    <name>IncomeForm</name>
    <message>
        <source>kronor per year, before tax</source>
        <translation>kronor per år, före skatt</translation>
    </message>
    <message>
        <source>Annual &amp;income</source>
        <translation>Års&amp;inkomst</translation>
    </message>
    <message>
        <source>Spouse without income</source>
        <translation>Make/maka utan inkomst</translation>
    </message>
    <message>
        <source>Costs of earning it</source>
        <translation>Kostnader för inkomsten</translation>
    </message>
    <message>
        <source>Net &amp;wealth</source>
        <translation>Nettoför&amp;mögenhet</translation>
    </message>
    <message>
        <source>Under debt restructuring</source>
        <translation>Har skuldsanering</translation>
    </message>
    <message>
        <source>kronor per year</source>
        <translation>kronor per år</translation>
    </message>
    <message>
        <source>Payment-free amount</source>
        <translation>Förbehållsbelopp</translation>
    </message>
    <message>
        <source>Children he &amp;supports</source>
        <translation>Barn han försörj&amp;er</translation>
    </message>
</context>
<context>
    <name>LaptopFingerprintDialog</name>
    <message>
        <source>Laptop {device}, officers {officers}</source>
        <translation>Dator {device}, poliser {officers}</translation>
    </message>
    <message>
        <source>Compare every group with the fingerprint the laptop shows (or that its administrator reads out to you). Register only if all five groups are the same.</source>
        <translation>Jämför varje grupp med fingeravtrycket som datorn visar (eller som dess administratör läser upp för dig). Registrera bara om alla fem grupperna är lika.</translation>
    </message>
    <message>
        <source>If any group differs, this card is not that laptop&apos;s: cancel, and find out where it came from. A registered laptop&apos;s bundles are accepted here.</source>
        <translation>Om någon grupp skiljer sig är kortet inte den datorns: avbryt och ta reda på var det kommer ifrån. En registrerad dators paket tas emot här.</translation>
    </message>
    <message>
        <source>&amp;All groups match: register</source>
        <translation>&amp;Alla grupper stämmer: registrera</translation>
    </message>
</context>
<context>
    <name>LaptopSyncView</name>
    <message>
        <source>Sync with the station</source>
        <translation>Synka med stationen</translation>
    </message>
    <message>
        <source>Bundles are sealed: only the station can open them, so a lost USB stick reveals nothing. Take each bundle to the station and bring its receipt back.</source>
        <translation>Paketen är förseglade: bara stationen kan öppna dem, så en borttappad USB-sticka röjer ingenting. Ta varje paket till stationen och ta med kvittot tillbaka.</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>The same fingerprint is shown at the station; staff can read it out to compare. Bundles from this laptop can be opened only there.</source>
        <translation>Samma fingeravtryck visas på stationen; personalen kan läsa upp det för jämförelse. Paket från den här datorn kan bara öppnas där.</translation>
    </message>
    <message>
        <source>No station is enrolled yet. Get the station&apos;s card (card.json) from station staff; you will compare its fingerprint with the one the station shows. An administrator enrols it.</source>
        <translation>Ingen station är registrerad ännu. Hämta stationens kort (card.json) från stationspersonalen; du jämför dess fingeravtryck med det som stationen visar. En administratör registrerar det.</translation>
    </message>
    <message>
        <source>&amp;Enrol station card…</source>
        <translation>&amp;Registrera stationskort…</translation>
    </message>
    <message>
        <source>The station accepts bundles only from laptops it has registered. Save this laptop&apos;s card for station staff (again after enrolling a new officer); they compare this fingerprint:</source>
        <translation>Stationen tar bara emot paket från datorer som den har registrerat. Spara datorns kort åt stationens personal (igen efter att en ny polis lagts till); de jämför detta fingeravtryck:</translation>
    </message>
    <message>
        <source>Save this laptop&apos;s c&amp;ard…</source>
        <translation>Spara &amp;datorns kort…</translation>
    </message>
    <message>
        <source>Send to the station</source>
        <translation>Skicka till stationen</translation>
    </message>
    <message>
        <source>E&amp;xport bundle…</source>
        <translation>E&amp;xportera paket…</translation>
    </message>
    <message>
        <source>&amp;Record receipt…</source>
        <translation>Registrera &amp;kvitto…</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Gallring</translation>
    </message>
    <message>
        <source>&amp;Purge due cases…</source>
        <translation>Ga&amp;llra ärenden som ska bort…</translation>
    </message>
    <message>
        <source>This laptop sends to &lt;b&gt;{name}&lt;/b&gt;. Fingerprint:</source>
        <translation>Den här datorn skickar till &lt;b&gt;{name}&lt;/b&gt;. Fingeravtryck:</translation>
    </message>
    <message>
        <source>Enrol the station&apos;s card first.</source>
        <translation>Registrera stationens kort först.</translation>
    </message>
    <message>
        <source>Not yet acknowledged by the station: {count} entries (numbers {first} to {last}).</source>
        <translation>Ännu inte kvitterat av stationen: {count} poster (nummer {first} till {last}).</translation>
    </message>
    <message>
        <source>The station has acknowledged everything on this laptop.</source>
        <translation>Stationen har kvitterat allt på den här datorn.</translation>
    </message>
    <message>
        <source>A closed or handed-over case is deleted from this laptop {days} days after its last change, once the station has acknowledged it. The station keeps it.</source>
        <translation>Ett avslutat eller överlämnat ärende raderas från den här datorn {days} dagar efter den senaste ändringen, när stationen har kvitterat det. Stationen behåller det.</translation>
    </message>
    <message>
        <source>Cases due for deletion now: {count}</source>
        <translation>Ärenden som ska raderas nu: {count}</translation>
    </message>
    <message>
        <source>Not enrolled: the fingerprint was not confirmed.</source>
        <translation>Inte registrerad: fingeravtrycket bekräftades inte.</translation>
    </message>
    <message>
        <source>Enrolled. Bundles from this laptop are now sealed to {name}.</source>
        <translation>Registrerad. Paket från den här datorn förseglas nu till {name}.</translation>
    </message>
    <message>
        <source>Saved {file}. Station staff register it after comparing the fingerprint.</source>
        <translation>Sparade {file}. Stationens personal registrerar det efter att ha jämfört fingeravtrycket.</translation>
    </message>
    <message>
        <source>Nothing new to send: the station has acknowledged everything.</source>
        <translation>Inget nytt att skicka: stationen har kvitterat allt.</translation>
    </message>
    <message>
        <source>Wrote {file}: {count} entries (numbers {first} to {last}). Take it to the station and bring back the receipt.</source>
        <translation>Skrev {file}: {count} poster (nummer {first} till {last}). Ta det till stationen och ta med kvittot tillbaka.</translation>
    </message>
    <message>
        <source>Receipt recorded: the station holds this laptop&apos;s entries up to {seq}.</source>
        <translation>Kvittot registrerat: stationen har den här datorns poster till och med {seq}.</translation>
    </message>
    <message>
        <source>Delete {count} case(s) from this laptop? The station keeps them; this laptop will not be able to show them again.</source>
        <translation>Radera {count} ärende(n) från den här datorn? Stationen behåller dem; den här datorn kan inte visa dem igen.</translation>
    </message>
    <message>
        <source>Deleted {count} case(s) from this laptop.</source>
        <translation>Raderade {count} ärende(n) från den här datorn.</translation>
    </message>
</context>
<context>
    <name>LaptopsTab</name>
    <message>
        <source>Only registered laptops&apos; bundles are imported. Each laptop writes its card when it enrols this station&apos;s card; register it here after comparing the fingerprint with the laptop&apos;s.</source>
        <translation>Bara registrerade datorers paket importeras. Varje dator skriver sitt kort när den registrerar stationens kort; registrera det här efter att ha jämfört fingeravtrycket med datorns.</translation>
    </message>
    <message>
        <source>For co&amp;unty:</source>
        <translation>För &amp;län:</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— välj —</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>&amp;Orsak:</translation>
    </message>
    <message>
        <source>What happened (no personal data)</source>
        <translation>Vad som hände (inga personuppgifter)</translation>
    </message>
    <message>
        <source>Re&amp;voke the chosen laptop</source>
        <translation>&amp;Spärra den valda datorn</translation>
    </message>
    <message>
        <source>Not registered: the fingerprint was not confirmed.</source>
        <translation>Inte registrerad: fingeravtrycket bekräftades inte.</translation>
    </message>
    <message>
        <source>Registered laptop {device}: its bundles are accepted.</source>
        <translation>Dator {device} är registrerad: dess paket tas emot.</translation>
    </message>
    <message>
        <source>Revoke laptop {device} as {reason}? Its bundles with anything recorded after what the station holds now will be refused. This cannot be undone.</source>
        <translation>Spärra dator {device} som {reason}? Dess paket med något som registrerats efter det stationen har nu kommer att avvisas. Det går inte att ångra.</translation>
    </message>
    <message>
        <source>Revoked laptop {device}.</source>
        <translation>Dator {device} är spärrad.</translation>
    </message>
    <message>
        <source>Regis&amp;ter a laptop card…</source>
        <translation>&amp;Registrera ett datorkort…</translation>
    </message>
</context>
<context>
    <name>LinkAdDialog</name>
    <message>
        <source>Link an ad to the case</source>
        <translation>Koppla en annons till ärendet</translation>
    </message>
    <message>
        <source>Linked to this case (Delete undoes a link)</source>
        <translation>Kopplade till ärendet (Delete tar bort en koppling)</translation>
    </message>
    <message>
        <source>Linked ads</source>
        <translation>Kopplade annonser</translation>
    </message>
    <message>
        <source>&amp;Undo the link</source>
        <translation>&amp;Ta bort kopplingen</translation>
    </message>
    <message>
        <source>No ad is linked yet.</source>
        <translation>Ingen annons är kopplad ännu.</translation>
    </message>
    <message>
        <source>Person in the ad</source>
        <translation>Person i annonsen</translation>
    </message>
    <message>
        <source>Pe&amp;rson in the ad</source>
        <translation>Pe&amp;rson i annonsen</translation>
    </message>
    <message>
        <source>Link the &amp;person</source>
        <translation>Koppla &amp;personen</translation>
    </message>
    <message>
        <source>Un&amp;do the person link</source>
        <translation>Ta bort personk&amp;opplingen</translation>
    </message>
    <message>
        <source>A phone number in any format, or words of the ad</source>
        <translation>Ett telefonnummer i valfritt format, eller ord ur annonsen</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Sök</translation>
    </message>
    <message>
        <source>Ads to link</source>
        <translation>Annonser att koppla</translation>
    </message>
    <message>
        <source>&amp;Link (Enter)</source>
        <translation>&amp;Koppla (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
    <message>
        <source>Suggested: ads with a phone number of a person in the case, or naming its hotel.</source>
        <translation>Förslag: annonser med telefonnummer till en person i ärendet, eller som nämner hotellet.</translation>
    </message>
    <message>
        <source>No suggestion: type a phone number or words of the ad.</source>
        <translation>Inga förslag: skriv ett telefonnummer eller ord ur annonsen.</translation>
    </message>
    <message>
        <source>phone {number}</source>
        <translation>telefon {number}</translation>
    </message>
    <message>
        <source>words</source>
        <translation>ord</translation>
    </message>
    <message>
        <source>Not a phone number, nor four or more of its last digits.</source>
        <translation>Inte ett telefonnummer, inte heller minst fyra av dess sista siffror.</translation>
    </message>
    <message>
        <source>{count} ad(s) found.</source>
        <translation>Hittade annonser: {count}.</translation>
    </message>
    <message>
        <source>Choose an ad in the list first.</source>
        <translation>Välj en annons i listan först.</translation>
    </message>
    <message>
        <source>Choose a linked ad first.</source>
        <translation>Välj en kopplad annons först.</translation>
    </message>
    <message>
        <source>Link undone: {ad}</source>
        <translation>Kopplingen borttagen: {ad}</translation>
    </message>
    <message>
        <source>Choose the person in the ad first.</source>
        <translation>Välj personen i annonsen först.</translation>
    </message>
    <message>
        <source>{ad} is linked to {person}.</source>
        <translation>{ad} är kopplad till {person}.</translation>
    </message>
    <message>
        <source>Link to {person} undone: {ad}</source>
        <translation>Kopplingen till {person} borttagen: {ad}</translation>
    </message>
</context>
<context>
    <name>LinkTab</name>
    <message>
        <source>Each laptop set up its own copy of the operation. Choose the operation to keep, tick its copies from the other laptops, and link them: cases, the report and the counts then span every laptop. Each link is recorded.</source>
        <translation>Varje dator lade upp sin egen kopia av insatsen. Välj insatsen som ska behållas, bocka för dess kopior från de andra datorerna och länka dem: ärenden, rapporten och siffrorna omfattar då alla datorer. Varje länk registreras.</translation>
    </message>
    <message>
        <source>&amp;Target operation</source>
        <translation>&amp;Målinsats</translation>
    </message>
    <message>
        <source>Copies to link into it (Space ticks):</source>
        <translation>Kopior att länka in i den (mellanslag bockar):</translation>
    </message>
    <message>
        <source>Lin&amp;k the ticked copies</source>
        <translation>Länka de förbockade k&amp;opiorna</translation>
    </message>
    <message>
        <source>Linked {count} copy(ies) into the target operation.</source>
        <translation>Länkade {count} kopia/kopior till målinsatsen.</translation>
    </message>
    <message>
        <source>Linked c&amp;opies (each link can be undone):</source>
        <translation>Länkade ko&amp;pior (varje länk kan ångras):</translation>
    </message>
    <message>
        <source>&amp;Undo the chosen link</source>
        <translation>&amp;Ångra den valda länken</translation>
    </message>
    <message>
        <source>Suggested: {count} copy(ies) with the same name and period as the target. Check the laptops and cases, then link.</source>
        <translation>Förslag: {count} kopior med samma namn och period som målet. Kontrollera datorerna och ärendena, länka sedan.</translation>
    </message>
    <message>
        <source>{copy} ({laptops}) → {target}</source>
        <translation>{copy} ({laptops}) → {target}</translation>
    </message>
    <message>
        <source>Link {count} copy(ies) into {target}? Their cases, the report and the counts will then count as one operation. Each link is recorded and can be undone.</source>
        <translation>Länka {count} kopior till {target}? Deras ärenden, rapporten och siffrorna räknas då som en insats. Varje länk registreras och kan ångras.</translation>
    </message>
    <message>
        <source>The link was undone (it stays in the log).</source>
        <translation>Länken är ångrad (den finns kvar i loggen).</translation>
    </message>
</context>
<context>
    <name>LinkedAdsModel</name>
    <message>
        <source>Persons</source>
        <translation>Personer</translation>
    </message>
</context>
<context>
    <name>LinkedAdsStrip</name>
    <message>
        <source>Ads:</source>
        <translation>Annonser:</translation>
    </message>
    <message>
        <source>none linked</source>
        <translation>ingen kopplad</translation>
    </message>
    <message>
        <source>Link an ad… (Ctrl+K)</source>
        <translation>Koppla annons… (Ctrl+K)</translation>
    </message>
    <message>
        <source>and {count} more (Ctrl+K lists them)</source>
        <translation>och {count} till (Ctrl+K visar alla)</translation>
    </message>
</context>
<context>
    <name>LockNote</name>
    <message>
        <source>Locked at {time} after {span} without input. Logged in: {who}.</source>
        <translation>Låst kl. {time} efter {span} utan inmatning. Inloggad: {who}.</translation>
    </message>
    <message>
        <source>Locked at {time} when the computer&apos;s screen locked. Logged in: {who}.</source>
        <translation>Låst kl. {time} när datorns skärm låstes. Inloggad: {who}.</translation>
    </message>
    <message>
        <source>Locked at {time}: the check of every page found the vault damaged or altered. Logged in: {who}.</source>
        <translation>Låst kl. {time}: kontrollen av varje sida fann valvet skadat eller ändrat. Inloggad: {who}.</translation>
    </message>
    <message>
        <source>Locked by {who} at {time}.</source>
        <translation>Låst av {who} kl. {time}.</translation>
    </message>
</context>
<context>
    <name>LockedPage</name>
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
        <source>Too many failed attempts.</source>
        <translation>För många misslyckade försök.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Ärende</translation>
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
        <source>The vault is locked</source>
        <translation>Valvet är låst</translation>
    </message>
    <message>
        <source>saved {time}</source>
        <translation>sparat {time}</translation>
    </message>
    <message>
        <source>Open a case first: the note goes on its timeline.</source>
        <translation>Öppna ett ärende först: anteckningen hamnar i dess tidslinje.</translation>
    </message>
    <message>
        <source>Open a case first: the ad is linked to it.</source>
        <translation>Öppna ett ärende först: annonsen kopplas till det.</translation>
    </message>
    <message>
        <source>Locks in {time}</source>
        <translation>Låses om {time}</translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation>Arbete pågår</translation>
    </message>
</context>
<context>
    <name>Managed</name>
    <message>
        <source>Managed by your IT department ({file}): it cannot be changed here.</source>
        <translation>Styrs av er IT-avdelning ({file}): kan inte ändras här.</translation>
    </message>
</context>
<context>
    <name>MaterialPanel</name>
    <message>
        <source>Material (no case needed)</source>
        <translation>Material (inget ärende behövs)</translation>
    </message>
    <message>
        <source>Op&amp;eration</source>
        <translation>I&amp;nsats</translation>
    </message>
    <message>
        <source>For the seller</source>
        <translation>Till säljaren</translation>
    </message>
    <message>
        <source>For the buyer</source>
        <translation>Till köparen</translation>
    </message>
    <message>
        <source>{name} (not reviewed)</source>
        <translation>{name} (ej granskad)</translation>
    </message>
    <message>
        <source>Cop&amp;ies of each</source>
        <translation>&amp;Kopior av varje</translation>
    </message>
    <message>
        <source>Pre&amp;view the leaflets</source>
        <translation>&amp;Visa informationsbladen</translation>
    </message>
    <message>
        <source>&amp;Hotel and taxi sheet</source>
        <translation>&amp;Hotell- och taxiblad</translation>
    </message>
    <message>
        <source>Operation &amp;report</source>
        <translation>Insats&amp;rapport</translation>
    </message>
    <message>
        <source>Set up an operation first (Operations, Ctrl+1): its contacts go on the leaflets and its county&apos;s tip line on the sheet.</source>
        <translation>Lägg först upp en insats (Insatser, Ctrl+1): dess kontakter står på informationsbladen och länets tipsnummer på hotell- och taxibladet.</translation>
    </message>
    <message>
        <source>Tick the languages to print the leaflets in (one or more).</source>
        <translation>Bocka för språken som informationsbladen ska skrivas ut på (ett eller flera).</translation>
    </message>
    <message>
        <source>{count} language(s) ticked: {copies} copies of each.</source>
        <translation>{count} språk valda: {copies} kopior av varje.</translation>
    </message>
    <message>
        <source>Leaflets for the seller</source>
        <translation>Informationsblad till säljaren</translation>
    </message>
    <message>
        <source>Leaflets for the buyer</source>
        <translation>Informationsblad till köparen</translation>
    </message>
    <message>
        <source>Information sheet for hotels and taxis</source>
        <translation>Informationsblad till hotell och taxi</translation>
    </message>
    <message>
        <source>Operation report</source>
        <translation>Insatsrapport</translation>
    </message>
    <message>
        <source>Leafle&amp;ts</source>
        <translation>Informations&amp;blad</translation>
    </message>
    <message>
        <source>Lang&amp;uages (Space ticks)</source>
        <translation>Spr&amp;åk (blanksteg bockar)</translation>
    </message>
</context>
<context>
    <name>NewCaseForm</name>
    <message>
        <source>&amp;Entry time</source>
        <translation>Tid för &amp;inträde</translation>
    </message>
    <message>
        <source>Another place: choose its kind (Shift+Tab, then its digit).</source>
        <translation>En annan plats: välj typ av plats (Skift+Tabb, sedan dess siffra).</translation>
    </message>
    <message>
        <source>Choose an operation first (Ctrl+1).</source>
        <translation>Välj en insats först (Ctrl+1).</translation>
    </message>
</context>
<context>
    <name>NewOperationForm</name>
    <message>
        <source>e.g. Operation week, Västerås, May</source>
        <translation>t.ex. Insatsvecka Västerås, maj</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Till</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— ingen —</translation>
    </message>
    <message>
        <source>Polisen, Socialjouren, … (commas between)</source>
        <translation>Polisen, Socialjouren, … (komma emellan)</translation>
    </message>
    <message>
        <source>&amp;Agencies</source>
        <translation>&amp;Myndigheter</translation>
    </message>
    <message>
        <source>Fr&amp;om</source>
        <translation>&amp;Från</translation>
    </message>
    <message>
        <source>Count&amp;y</source>
        <translation>&amp;Län</translation>
    </message>
</context>
<context>
    <name>NoticeForm</name>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Tid</translation>
    </message>
    <message>
        <source>&amp;All rights explained (tick the three below)</source>
        <translation>&amp;Alla rättigheter upplysta (bockar de tre nedan)</translation>
    </message>
    <message>
        <source>Right to a &amp;lawyer (defence counsel)</source>
        <translation>Rätt till &amp;försvarare</translation>
    </message>
    <message>
        <source>Right to stay &amp;silent</source>
        <translation>Rätt att ti&amp;ga</translation>
    </message>
    <message>
        <source>Right to &amp;information about the suspicion</source>
        <translation>Rätt till &amp;information om misstanken</translation>
    </message>
    <message>
        <source>In the lan&amp;guage</source>
        <translation>På &amp;språket</translation>
    </message>
    <message>
        <source>An interpreter was &amp;used</source>
        <translation>Tolk använ&amp;des</translation>
    </message>
    <message>
        <source>interpreter&apos;s name or number</source>
        <translation>tolkens namn eller nummer</translation>
    </message>
    <message>
        <source>Interpret&amp;er</source>
        <translation>Tol&amp;k</translation>
    </message>
    <message>
        <source>He asks for a la&amp;wyer</source>
        <translation>Han &amp;begär försvarare</translation>
    </message>
    <message>
        <source>Sus&amp;picion</source>
        <translation>Misstank&amp;e</translation>
    </message>
    <message>
        <source>Gi&amp;ven by</source>
        <translation>Läm&amp;nad av</translation>
    </message>
    <message>
        <source>Right to an i&amp;nterpreter</source>
        <translation>Rätt till t&amp;olk</translation>
    </message>
</context>
<context>
    <name>NoticeStep</name>
    <message>
        <source>Notice of suspicion: {name}</source>
        <translation>Underrättelse om misstanke: {name}</translation>
    </message>
    <message>
        <source>Tell him what he is suspected of and his rights, in a language he understands (RB 23:18).</source>
        <translation>Berätta vad han misstänks för och om hans rättigheter, på ett språk han förstår (RB 23:18).</translation>
    </message>
    <message>
        <source>&amp;Record the notice (Enter)</source>
        <translation>&amp;Registrera underrättelsen (Enter)</translation>
    </message>
    <message>
        <source>Given {time} by {officer} (language {language})</source>
        <translation>Lämnad {time} av {officer} (språk {language})</translation>
    </message>
</context>
<context>
    <name>OperationLinkModel</name>
    <message>
        <source>Operation</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>Cases recorded on</source>
        <translation>Ärenden registrerade på</translation>
    </message>
    <message>
        <source>{name} (target)</source>
        <translation>{name} (mål)</translation>
    </message>
</context>
<context>
    <name>OperationsModel</name>
    <message>
        <source>Operation</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>County</source>
        <translation>Län</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>{name} (with {count} linked copies)</source>
        <translation>{name} (med {count} länkade kopior)</translation>
    </message>
</context>
<context>
    <name>OperationsPage</name>
    <message>
        <source>Operations</source>
        <translation>Insatser</translation>
    </message>
    <message>
        <source>Enter on an operation makes it the one in use (shown in bold).</source>
        <translation>Enter på en insats gör den till den som används (visas i fetstil).</translation>
    </message>
    <message>
        <source>&amp;Use this operation (Enter)</source>
        <translation>Använd den &amp;här insatsen (Enter)</translation>
    </message>
    <message>
        <source>Contacts directory</source>
        <translation>Kontaktlista</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Laget</translation>
    </message>
    <message>
        <source>New operation</source>
        <translation>Ny insats</translation>
    </message>
    <message>
        <source>Ctrl+Tab: the next tab</source>
        <translation>Ctrl+Tab: nästa flik</translation>
    </message>
    <message>
        <source>Choose an operation in the list to see its contacts.</source>
        <translation>Välj en insats i listan för att se dess kontakter.</translation>
    </message>
    <message>
        <source>Contacts and team below: {name}</source>
        <translation>Kontakter och lag nedan: {name}</translation>
    </message>
    <message>
        <source>C&amp;reate the operation</source>
        <translation>&amp;Skapa insatsen</translation>
    </message>
</context>
<context>
    <name>OriginCaseModel</name>
    <message>
        <source>Entry</source>
        <translation>Inträde</translation>
    </message>
    <message>
        <source>Place and room</source>
        <translation>Plats och rum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Registrerat av</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Köpare</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Brott</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dubblett</translation>
    </message>
    <message>
        <source>possible</source>
        <translation>möjlig</translation>
    </message>
    <message>
        <source>Recorded at the same place, room and minute on another laptop: the same raid twice? Compare them and decide.</source>
        <translation>Registrerat på samma plats, i samma rum och samma minut på en annan dator: samma tillslag två gånger? Jämför dem och avgör.</translation>
    </message>
</context>
<context>
    <name>OutreachTab</name>
    <message>
        <source>The operation in use names no county: the directory of hotels and taxi companies is kept per county. Choose the county when creating the operation.</source>
        <translation>Insatsen anger inget län: katalogen över hotell och taxibolag förs per län. Välj län när insatsen skapas.</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Hotels and taxi companies in the county</source>
        <translation>Hotell och taxibolag i länet</translation>
    </message>
    <message>
        <source>New in the directory</source>
        <translation>Ny i katalogen</translation>
    </message>
    <message>
        <source>Information sheet handed over</source>
        <translation>Informationsbladet lämnat</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Utdelningslogg</translation>
    </message>
    <message>
        <source>Delivery log of the operation, newest first</source>
        <translation>Insatsens utdelningar, senaste först</translation>
    </message>
    <message>
        <source>Add to the d&amp;irectory (Enter)</source>
        <translation>Lägg till i &amp;katalogen (Enter)</translation>
    </message>
    <message>
        <source>Record the de&amp;livery (Enter)</source>
        <translation>Registrera utdelningen (Enter)</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>Saved page</source>
        <translation>Sparad sida</translation>
    </message>
    <message>
        <source>Address: {url}</source>
        <translation>Adress: {url}</translation>
    </message>
    <message>
        <source>Saved by the browser {when}</source>
        <translation>Sparad av webbläsaren {when}</translation>
    </message>
    <message>
        <source>The page&apos;s text as it was read when it was imported: no pictures, no scripts, nothing loaded from the internet.</source>
        <translation>Sidans text så som den lästes vid importen: inga bilder, inga skript, ingenting hämtat från internet.</translation>
    </message>
    <message>
        <source>Text of the saved page</source>
        <translation>Den sparade sidans text</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Kept as a draft until it is accepted.</source>
        <translation>Sparas som utkast tills uppgifterna godtas.</translation>
    </message>
    <message>
        <source>Kept as a draft; still needed: {fields}.</source>
        <translation>Sparas som utkast; saknas: {fields}.</translation>
    </message>
</context>
<context>
    <name>PersonStep</name>
    <message>
        <source>Name, identity number (or date of birth and document) and how the identity was established. Saved as you type.</source>
        <translation>Namn, personnummer (eller födelsedatum och handling) och hur identiteten fastställdes. Sparas medan du skriver.</translation>
    </message>
    <message>
        <source>Never a suspect. A name or an alias and her age (date of birth or an estimate). Saved as you type.</source>
        <translation>Aldrig misstänkt. Ett namn eller alias och åldern (födelsedatum eller uppskattning). Sparas medan du skriver.</translation>
    </message>
    <message>
        <source>Saved as you type.</source>
        <translation>Sparas medan du skriver.</translation>
    </message>
    <message>
        <source>Every change is saved within a second.</source>
        <translation>Varje ändring sparas inom en sekund.</translation>
    </message>
    <message>
        <source>New buyer</source>
        <translation>Ny köpare</translation>
    </message>
    <message>
        <source>New seller</source>
        <translation>Ny säljare</translation>
    </message>
    <message>
        <source>New witness</source>
        <translation>Nytt vittne</translation>
    </message>
</context>
<context>
    <name>PgLoginDialog</name>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Unlock the station&apos;s database with your passphrase.</source>
        <translation>Lås upp stationens databas med din lösenfras.</translation>
    </message>
    <message>
        <source>your name as in the station&apos;s key slots</source>
        <translation>ditt namn som i stationens nyckelplatser</translation>
    </message>
    <message>
        <source>&amp;Staff name:</source>
        <translation>&amp;Namn (personal):</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <source>&amp;Database password:</source>
        <translation>&amp;Databaslösenord:</translation>
    </message>
    <message>
        <source>Database: {target}</source>
        <translation>Databas: {target}</translation>
    </message>
    <message>
        <source>Connecting and opening your key slot…</source>
        <translation>Ansluter och öppnar din nyckelplats …</translation>
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
        <source>Enter your staff name.</source>
        <translation>Ange ditt namn.</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Ange din lösenfras.</translation>
    </message>
    <message>
        <source>Wrong staff name or passphrase.</source>
        <translation>Fel namn eller lösenfras.</translation>
    </message>
    <message>
        <source>Too many failed attempts.</source>
        <translation>För många misslyckade försök.</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Attach a photo</source>
        <translation>Bifoga ett foto</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Foton (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Attach a &amp;photo…</source>
        <translation>B&amp;ifoga foto…</translation>
    </message>
    <message>
        <source>Take a photo…</source>
        <translation>Ta ett foto…</translation>
    </message>
    <message>
        <source>Photos: record the element first</source>
        <translation>Foton: registrera rekvisitet först</translation>
    </message>
    <message>
        <source>Photos of the seized money ({count})</source>
        <translation>Foton av de beslagtagna pengarna ({count})</translation>
    </message>
    <message>
        <source>Photos ({count})</source>
        <translation>Foton ({count})</translation>
    </message>
    <message>
        <source>Taken {time} · SHA-256 {digest}</source>
        <translation>Taget {time} · SHA-256 {digest}</translation>
    </message>
    <message>
        <source>Photo taken {time}</source>
        <translation>Foto taget {time}</translation>
    </message>
    <message>
        <source>Wait until the work in progress is done.</source>
        <translation>Vänta tills arbetet som pågår är klart.</translation>
    </message>
    <message>
        <source>Attaching the photo…</source>
        <translation>Bifogar fotot…</translation>
    </message>
    <message>
        <source>Photo attached, SHA-256 kept.</source>
        <translation>Fotot är bifogat, SHA-256 sparad.</translation>
    </message>
    <message>
        <source>The photo cannot be shown here.</source>
        <translation>Fotot kan inte visas här.</translation>
    </message>
    <message>
        <source>Taken {time} · {width}×{height} · {size} kB</source>
        <translation>Taget {time} · {width}×{height} · {size} kB</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
</context>
<context>
    <name>PictureViewer</name>
    <message>
        <source>Screenshot</source>
        <translation>Skärmbild</translation>
    </message>
    <message>
        <source>&amp;Actual size ({width}×{height})</source>
        <translation>&amp;Verklig storlek ({width}×{height})</translation>
    </message>
    <message>
        <source>&amp;Fit to the window</source>
        <translation>&amp;Anpassa till fönstret</translation>
    </message>
</context>
<context>
    <name>PlaceFields</name>
    <message>
        <source>hotel name</source>
        <translation>hotellets namn</translation>
    </message>
    <message>
        <source>&amp;Kind of place</source>
        <translation>&amp;Typ av plats</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Plats</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>A&amp;dress</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Rum</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>&amp;Kommun</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming in a later version.</source>
        <translation>Kommer i en senare version.</translation>
    </message>
    <message>
        <source>Keys: Ctrl+1 to Ctrl+7 switch section, Ctrl+L locks the vault.</source>
        <translation>Tangenter: Ctrl+1 till Ctrl+7 byter avsnitt, Ctrl+L låser valvet.</translation>
    </message>
</context>
<context>
    <name>PriceChecks</name>
    <message>
        <source>No price found in the text.</source>
        <translation>Inget pris hittades i texten.</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Required.</source>
        <translation>Krävs.</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>Högst {limit} tecken.</translation>
    </message>
    <message>
        <source>Choose lost, stolen or retired.</source>
        <translation>Välj förlorad, stulen eller avvecklad.</translation>
    </message>
    <message>
        <source>No such registered laptop.</source>
        <translation>Ingen sådan registrerad dator.</translation>
    </message>
    <message>
        <source>{file} is larger than {limit_mb} MB, the limit for it; nothing was read.</source>
        <translation>{file} är större än {limit_mb} MB, gränsen för den; ingenting lästes.</translation>
    </message>
    <message>
        <source>{file} is not a regular file (a folder, device or pipe); nothing was read.</source>
        <translation>{file} är ingen vanlig fil (en mapp, enhet eller pipe); ingenting lästes.</translation>
    </message>
    <message>
        <source>This laptop card cannot be used: it is damaged, altered or not a laptop card. Ask the laptop&apos;s administrator for a new one.</source>
        <translation>Datorkortet kan inte användas: det är skadat, ändrat eller inget datorkort. Be datorns administratör om ett nytt.</translation>
    </message>
    <message>
        <source>This laptop card was made for another station; nothing was registered.</source>
        <translation>Datorkortet är gjort för en annan station; ingenting registrerades.</translation>
    </message>
    <message>
        <source>This laptop was revoked; a revoked laptop is not registered again. Set it up as a new vault.</source>
        <translation>Datorn är spärrad; en spärrad dator registreras inte igen. Sätt upp den som ett nytt valv.</translation>
    </message>
    <message>
        <source>This laptop is registered with another vault; nothing was registered.</source>
        <translation>Datorn är registrerad med ett annat valv; ingenting registrerades.</translation>
    </message>
    <message>
        <source>Only letters, digits, spaces and - / . : (e.g. 5000-K123456-26).</source>
        <translation>Bara bokstäver, siffror, mellanslag och - / . : (t.ex. 5000-K123456-26).</translation>
    </message>
    <message>
        <source>The {document} exists in {languages}; not in {language}.</source>
        <translation>Dokumentet ({document}) finns på {languages}; inte på {language}.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Filen är tom.</translation>
    </message>
    <message>
        <source>Not a CSV file (binary data).</source>
        <translation>Ingen CSV-fil (binära data).</translation>
    </message>
    <message>
        <source>Not UTF-8 text: save the file as &quot;CSV UTF-8&quot; and import it again.</source>
        <translation>Inte UTF-8-text: spara filen som &quot;CSV UTF-8&quot; och importera den igen.</translation>
    </message>
    <message>
        <source>No header row.</source>
        <translation>Ingen rubrikrad.</translation>
    </message>
    <message>
        <source>The column appears twice.</source>
        <translation>Kolumnen finns två gånger.</translation>
    </message>
    <message>
        <source>No text or title column (the first row must name the columns).</source>
        <translation>Ingen kolumn för text eller rubrik (första raden ska namnge kolumnerna).</translation>
    </message>
    <message>
        <source>No text or title column: the first row seems separated by {found}, not {used}. Separate the columns with &apos;,&apos; or &apos;;&apos;.</source>
        <translation>Ingen kolumn för text eller rubrik: första raden verkar avgränsad med {found}, inte {used}. Skilj kolumnerna åt med &apos;,&apos; eller &apos;;&apos;.</translation>
    </message>
    <message>
        <source>{count} field(s), but the first row has {columns}.</source>
        <translation>{count} fält, men första raden namnger {columns} kolumner.</translation>
    </message>
    <message>
        <source>{count} field(s), but the first row has {columns}: this line seems separated by {found}. Use {used}, as the first row does.</source>
        <translation>{count} fält, men första raden namnger {columns} kolumner: den här raden verkar avgränsad med {found}. Använd {used}, som första raden gör.</translation>
    </message>
    <message>
        <source>A quoted field opened on this line runs over {lines} lines and leaves {count} field(s), the first row {columns}: is a quote never closed?</source>
        <translation>Ett fält inom citattecken som börjar på den här raden sträcker sig över {lines} rader och ger {count} fält, första raden {columns}: saknas ett avslutande citattecken?</translation>
    </message>
    <message>
        <source>A quote opened on this line is never closed. The rest was not read.</source>
        <translation>Ett citattecken som börjar på den här raden avslutas aldrig. Resten lästes inte.</translation>
    </message>
    <message>
        <source>A quoted field is closed on line {at} with more text after it (write a quote inside a quoted field twice: &quot;&quot;). The rest was not read.</source>
        <translation>Ett fält inom citattecken avslutas på rad {at} men följs av mer text (ett citattecken inne i ett fält inom citattecken skrivs två gånger: &quot;&quot;). Resten lästes inte.</translation>
    </message>
    <message>
        <source>A quote inside a field that does not start with one: put the whole field in quotes and write the quote twice (&quot;&quot;).</source>
        <translation>Ett citattecken mitt i ett fält som inte börjar med ett: sätt hela fältet inom citattecken och skriv citattecknet två gånger (&quot;&quot;).</translation>
    </message>
    <message>
        <source>A field is longer than {limit} characters. The rest was not read.</source>
        <translation>Ett fält är längre än {limit} tecken. Resten lästes inte.</translation>
    </message>
    <message>
        <source>Cannot be read as CSV. The rest was not read.</source>
        <translation>Kan inte läsas som CSV. Resten lästes inte.</translation>
    </message>
    <message>
        <source>Must be &apos;ambiguous&apos; or &apos;inferred&apos;.</source>
        <translation>Måste vara &apos;ambiguous&apos; eller &apos;inferred&apos;.</translation>
    </message>
    <message>
        <source>Cannot be read as an MHTML file.</source>
        <translation>Kan inte läsas som en MHTML-fil.</translation>
    </message>
    <message>
        <source>Its HTML part cannot be decoded.</source>
        <translation>Dess HTML-del kan inte avkodas.</translation>
    </message>
    <message>
        <source>One language code only, such as ro.</source>
        <translation>Bara en språkkod, t.ex. ro.</translation>
    </message>
    <message>
        <source>Use language codes such as sv, or several as ro, en.</source>
        <translation>Ange språkkoder som sv, eller flera som ro, en.</translation>
    </message>
    <message>
        <source>Not a JPEG or PNG image.</source>
        <translation>Ingen JPEG- eller PNG-bild.</translation>
    </message>
    <message>
        <source>The image is damaged or cut short.</source>
        <translation>Bilden är skadad eller avklippt.</translation>
    </message>
    <message>
        <source>More than {limit} million pixels.</source>
        <translation>Fler än {limit} miljoner bildpunkter.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Filen kan inte läsas.</translation>
    </message>
    <message>
        <source>Not an ordinary file.</source>
        <translation>Inte en vanlig fil.</translation>
    </message>
    <message>
        <source>No such offence element in this case.</source>
        <translation>Inget sådant brottsrekvisit i ärendet.</translation>
    </message>
    <message>
        <source>A photo of seized money belongs to the payment.</source>
        <translation>Ett foto av beslagtagna pengar hör till betalningen.</translation>
    </message>
    <message>
        <source>Not a SHA-256 in hexadecimal.</source>
        <translation>Ingen SHA-256 i hexadecimal form.</translation>
    </message>
    <message>
        <source>The photo is not in this vault.</source>
        <translation>Fotot finns inte i det här valvet.</translation>
    </message>
    <message>
        <source>Larger than {limit} MB.</source>
        <translation>Större än {limit} MB.</translation>
    </message>
    <message>
        <source>Between 0 and {max} days.</source>
        <translation>Mellan 0 och {max} dagar.</translation>
    </message>
    <message>
        <source>No open conflict has that id.</source>
        <translation>Ingen öppen konflikt har det id:t.</translation>
    </message>
    <message>
        <source>More than one open conflict starts so; give more of the id.</source>
        <translation>Fler än en öppen konflikt börjar så; ange mer av id:t.</translation>
    </message>
    <message>
        <source>A withdrawal is settled by keeping one side.</source>
        <translation>Ett återtagande avgörs genom att en av sidorna behålls.</translation>
    </message>
    <message>
        <source>Give a {kind}, like the two sides.</source>
        <translation>Ange ett värde av samma slag som de två sidorna ({kind}).</translation>
    </message>
    <message>
        <source>Keep a side or give a value.</source>
        <translation>Behåll en sida eller ange ett värde.</translation>
    </message>
    <message>
        <source>Keep the current or the incoming value.</source>
        <translation>Behåll det nuvarande eller det inkomna värdet.</translation>
    </message>
    <message>
        <source>A date as YYYY-MM-DD.</source>
        <translation>Ett datum som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>The first date comes after the last.</source>
        <translation>Det första datumet kommer efter det sista.</translation>
    </message>
    <message>
        <source>Received, needs attention or reviewed.</source>
        <translation>Mottaget, behöver åtgärd eller granskat.</translation>
    </message>
    <message>
        <source>That operation is not linked into another.</source>
        <translation>Den insatsen är inte länkad till någon annan.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>The value was not accepted.</source>
        <translation>Värdet godtogs inte.</translation>
    </message>
    <message>
        <source>This could not be done.</source>
        <translation>Det gick inte att genomföra.</translation>
    </message>
    <message>
        <source>Must be text.</source>
        <translation>Måste vara text.</translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation>Välj ett av alternativen i listan.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Skriv ett heltal.</translation>
    </message>
    <message>
        <source>Must not be negative.</source>
        <translation>Får inte vara negativt.</translation>
    </message>
    <message>
        <source>At least {minimum}.</source>
        <translation>Minst {minimum}.</translation>
    </message>
    <message>
        <source>At most {maximum}.</source>
        <translation>Högst {maximum}.</translation>
    </message>
    <message>
        <source>At most {limit}.</source>
        <translation>Högst {limit} stycken.</translation>
    </message>
    <message>
        <source>Enter a whole number from {minimum} to {maximum}.</source>
        <translation>Ange ett heltal från {minimum} till {maximum}.</translation>
    </message>
    <message>
        <source>Must be more than the amount.</source>
        <translation>Måste vara mer än beloppet.</translation>
    </message>
    <message>
        <source>Choose yes or no.</source>
        <translation>Välj ja eller nej.</translation>
    </message>
    <message>
        <source>Not a real date (use {date_hint}).</source>
        <translation>Inget giltigt datum (skriv {date_hint}).</translation>
    </message>
    <message>
        <source>Must not be after {date}.</source>
        <translation>Får inte vara efter {date}.</translation>
    </message>
    <message>
        <source>Must not be before {date}.</source>
        <translation>Får inte vara före {date}.</translation>
    </message>
    <message>
        <source>Not a real time.</source>
        <translation>Ingen giltig tid.</translation>
    </message>
    <message>
        <source>Give the date alone, or a time with its time zone.</source>
        <translation>Ange bara datumet, eller en tid med tidszon.</translation>
    </message>
    <message>
        <source>Must not be in the future.</source>
        <translation>Får inte ligga i framtiden.</translation>
    </message>
    <message>
        <source>Must not be before the start.</source>
        <translation>Får inte vara före starten.</translation>
    </message>
    <message>
        <source>The value has the wrong form.</source>
        <translation>Värdet har fel form.</translation>
    </message>
    <message>
        <source>The value has the wrong type.</source>
        <translation>Värdet har fel typ.</translation>
    </message>
    <message>
        <source>Not in the form the format requires.</source>
        <translation>Inte i den form som formatet kräver.</translation>
    </message>
    <message>
        <source>Not the value the format requires.</source>
        <translation>Inte det värde som formatet kräver.</translation>
    </message>
    <message>
        <source>Not a field of this format.</source>
        <translation>Inget fält i det här formatet.</translation>
    </message>
    <message>
        <source>The record cannot be stored.</source>
        <translation>Posten kan inte sparas.</translation>
    </message>
    <message>
        <source>{file} cannot be read.</source>
        <translation>{file} kan inte läsas.</translation>
    </message>
    <message>
        <source>Not a phone number.</source>
        <translation>Inget telefonnummer.</translation>
    </message>
    <message>
        <source>Not a possible phone number (too short or too long).</source>
        <translation>Inget möjligt telefonnummer (för kort eller för långt).</translation>
    </message>
    <message>
        <source>Use a language code such as sv, en, ro.</source>
        <translation>Skriv en språkkod, t.ex. sv, en, ro.</translation>
    </message>
    <message>
        <source>Use a two-letter country code such as SE, RO.</source>
        <translation>Skriv en landskod med två bokstäver, t.ex. SE, RO.</translation>
    </message>
    <message>
        <source>Use a full web address starting with https://.</source>
        <translation>Skriv en hel webbadress som börjar med https://.</translation>
    </message>
    <message>
        <source>Not an e-mail address.</source>
        <translation>Ingen e-postadress.</translation>
    </message>
    <message>
        <source>Use a three-letter currency code such as SEK or EUR.</source>
        <translation>Skriv en valutakod med tre bokstäver, t.ex. SEK eller EUR.</translation>
    </message>
    <message>
        <source>Use 10 or 12 digits, e.g. 19811218-9876.</source>
        <translation>Skriv 10 eller 12 siffror, t.ex. 19811218-9876.</translation>
    </message>
    <message>
        <source>Only digits and one &apos;-&apos; or &apos;+&apos;.</source>
        <translation>Bara siffror och ett &apos;-&apos; eller &apos;+&apos;.</translation>
    </message>
    <message>
        <source>The check digit is wrong (a typing error?).</source>
        <translation>Kontrollsiffran stämmer inte (felskrivning?).</translation>
    </message>
    <message>
        <source>The date of birth in the number does not exist.</source>
        <translation>Födelsedatumet i numret finns inte.</translation>
    </message>
    <message>
        <source>The date of birth in the number is in the future.</source>
        <translation>Födelsedatumet i numret ligger i framtiden.</translation>
    </message>
    <message>
        <source>Required when there is no Swedish identity number.</source>
        <translation>Krävs när svenskt personnummer saknas.</translation>
    </message>
    <message>
        <source>Not a known sign of trafficking.</source>
        <translation>Inget känt tecken på människohandel.</translation>
    </message>
    <message>
        <source>A person&apos;s role cannot change: record them anew.</source>
        <translation>En persons roll kan inte ändras: registrera personen på nytt.</translation>
    </message>
    <message>
        <source>Choose a contact or name the organisation.</source>
        <translation>Välj en kontakt eller skriv organisationens namn.</translation>
    </message>
    <message>
        <source>A contact needs a phone number, an e-mail or a web address.</source>
        <translation>En kontakt behöver telefonnummer, e-post eller webbadress.</translation>
    </message>
    <message>
        <source>Not a municipality of this county.</source>
        <translation>Ingen kommun i det här länet.</translation>
    </message>
    <message>
        <source>No such county profile.</source>
        <translation>Det finns ingen sådan länsprofil.</translation>
    </message>
    <message>
        <source>No such case.</source>
        <translation>Ärendet finns inte.</translation>
    </message>
    <message>
        <source>No such operation.</source>
        <translation>Insatsen finns inte.</translation>
    </message>
    <message>
        <source>No such person in this case.</source>
        <translation>Personen finns inte i ärendet.</translation>
    </message>
    <message>
        <source>No such buyer in this case.</source>
        <translation>Köparen finns inte i ärendet.</translation>
    </message>
    <message>
        <source>No such decision in this case.</source>
        <translation>Beslutet finns inte i ärendet.</translation>
    </message>
    <message>
        <source>No such contact in this operation&apos;s directory.</source>
        <translation>Kontakten finns inte i insatsens kontaktlista.</translation>
    </message>
    <message>
        <source>No such record (or it was withdrawn).</source>
        <translation>Posten finns inte (eller har återtagits).</translation>
    </message>
    <message>
        <source>No such checklist item.</source>
        <translation>Punkten finns inte i checklistan.</translation>
    </message>
    <message>
        <source>This person has another role in the case.</source>
        <translation>Personen har en annan roll i ärendet.</translation>
    </message>
    <message>
        <source>The case is closed or handed over: reopen it to change it.</source>
        <translation>Ärendet är avslutat eller överlämnat: öppna det igen för att ändra.</translation>
    </message>
    <message>
        <source>The case belongs to no operation.</source>
        <translation>Ärendet hör inte till någon insats.</translation>
    </message>
    <message>
        <source>Use close, reopen or hand over to change the case&apos;s status.</source>
        <translation>Använd avsluta, öppna igen eller överlämna för att ändra ärendets status.</translation>
    </message>
    <message>
        <source>Mandatory items are still open (listed above).</source>
        <translation>Obligatoriska punkter är fortfarande öppna (se listan ovan).</translation>
    </message>
    <message>
        <source>Say which person this is ticked for.</source>
        <translation>Ange vilken person punkten gäller.</translation>
    </message>
    <message>
        <source>Say why the record is withdrawn.</source>
        <translation>Skriv varför posten återtas.</translation>
    </message>
    <message>
        <source>That operation is itself linked into another.</source>
        <translation>Den insatsen är själv kopplad till en annan.</translation>
    </message>
    <message>
        <source>Required when the money was seized (record number and amount).</source>
        <translation>Krävs när pengarna beslagtogs (protokollnummer och belopp).</translation>
    </message>
    <message>
        <source>More than the amount handed over.</source>
        <translation>Mer än det överlämnade beloppet.</translation>
    </message>
    <message>
        <source>The rights must include the right to a lawyer, to stay silent and to information (RB 23:18).</source>
        <translation>Rättigheterna måste omfatta rätt till försvarare, rätt att tiga och rätt till information (RB 23:18).</translation>
    </message>
    <message>
        <source>No record with this id in the document.</source>
        <translation>Ingen post med det här id:t i dokumentet.</translation>
    </message>
    <message>
        <source>Used by another record in this document.</source>
        <translation>Används av en annan post i dokumentet.</translation>
    </message>
    <message>
        <source>This item is ticked twice for the same person.</source>
        <translation>Punkten är bockad två gånger för samma person.</translation>
    </message>
    <message>
        <source>Required for a summary penalty order: day-fines and/or conditional sentence.</source>
        <translation>Krävs för strafföreläggande: dagsböter och/eller villkorlig dom.</translation>
    </message>
    <message>
        <source>Enter the amount per day-fine too.</source>
        <translation>Skriv även dagsbotsbeloppet.</translation>
    </message>
    <message>
        <source>Enter the number of day-fines too.</source>
        <translation>Skriv även antalet dagsböter.</translation>
    </message>
    <message>
        <source>The number of day-fines must be between {minimum} and {maximum}.</source>
        <translation>Antalet dagsböter ska vara mellan {minimum} och {maximum}.</translation>
    </message>
    <message>
        <source>The amount per day-fine must be between {minimum} and {maximum} kr.</source>
        <translation>Dagsbotsbeloppet ska vara mellan {minimum} och {maximum} kr.</translation>
    </message>
    <message>
        <source>The total fine must be at least {minimum} kr.</source>
        <translation>Bötesbeloppet ska vara minst {minimum} kr totalt.</translation>
    </message>
    <message>
        <source>Day-fines alone are not allowed for offences on this date (fines were removed from the scale on {date}); use conditional sentence, with or without day-fines.</source>
        <translation>Enbart dagsböter är inte tillåtet för brott detta datum (böter togs bort ur straffskalan {date}); använd villkorlig dom, med eller utan dagsböter.</translation>
    </message>
    <message>
        <source>This sanction is not allowed by summary penalty order for offences on this date.</source>
        <translation>Den påföljden är inte tillåten i strafföreläggande för brott detta datum.</translation>
    </message>
    <message>
        <source>No summary penalty order in a child case ({section}): the case goes to the prosecutor.</source>
        <translation>Inget strafföreläggande i ett barnärende ({section}): ärendet går till åklagare.</translation>
    </message>
    <message>
        <source>A conditional sentence cannot be given by summary penalty order for an offence committed under 18.</source>
        <translation>Villkorlig dom kan inte ges genom strafföreläggande för ett brott begånget före 18 års ålder.</translation>
    </message>
    <message>
        <source>Advance approval is possible only for offences from 2023-01-01.</source>
        <translation>Förhandsgodkännande är möjligt bara för brott från 2023-01-01.</translation>
    </message>
    <message>
        <source>Advance approval is never possible for a suspect under 18.</source>
        <translation>Förhandsgodkännande är aldrig möjligt för en misstänkt under 18 år.</translation>
    </message>
    <message>
        <source>Advance approval is never possible for a suspect under {age} or of unknown age.</source>
        <translation>Förhandsgodkännande är aldrig möjligt för en misstänkt under {age} år eller med okänd ålder.</translation>
    </message>
    <message>
        <source>No advance approval in a child case: the case goes to the prosecutor.</source>
        <translation>Inget förhandsgodkännande i ett barnärende: ärendet går till åklagare.</translation>
    </message>
    <message>
        <source>Before 2023 only a prosecutor could issue a summary penalty order; the recorded decision is an investigation leader&apos;s.</source>
        <translation>Före 2023 kunde bara åklagare utfärda strafföreläggande; det registrerade beslutet är förundersökningsledarens.</translation>
    </message>
    <message>
        <source>No decision by a prosecutor or investigation leader is recorded for this buyer: record it before printing the form.</source>
        <translation>Inget beslut av åklagare eller förundersökningsledare är registrerat för köparen: registrera det innan blanketten skrivs ut.</translation>
    </message>
    <message>
        <source>The recorded decision is not a summary penalty order: there is no form to sign.</source>
        <translation>Det registrerade beslutet är inte ett strafföreläggande: det finns ingen blankett att skriva under.</translation>
    </message>
    <message>
        <source>The recorded elements show neither an offence nor an attempt: record them or write the description of the act.</source>
        <translation>De registrerade rekvisiten visar varken brott eller försök: registrera dem eller skriv gärningsbeskrivningen.</translation>
    </message>
    <message>
        <source>No rules cover this date; the earliest start on {date}.</source>
        <translation>Inga regler gäller det datumet; de tidigaste börjar {date}.</translation>
    </message>
    <message>
        <source>Enter the buyer&apos;s annual income first.</source>
        <translation>Skriv först köparens årsinkomst.</translation>
    </message>
    <message>
        <source>Enter a year such as 2013.</source>
        <translation>Skriv ett årtal, t.ex. 2013.</translation>
    </message>
    <message>
        <source>No day-fine figures for {year}; known years are {first}–{last}.</source>
        <translation>Inga dagsbotsuppgifter för {year}; kända år är {first}–{last}.</translation>
    </message>
    <message>
        <source>The brytpunkt for {year} is not known: use the skiktgräns.</source>
        <translation>Brytpunkten för {year} är inte känd: använd skiktgränsen.</translation>
    </message>
    <message>
        <source>Must not be negative: enter 0 if debts exceed assets.</source>
        <translation>Får inte vara negativt: skriv 0 om skulderna är större än tillgångarna.</translation>
    </message>
    <message>
        <source>Only for a spouse without income.</source>
        <translation>Bara för make eller maka utan inkomst.</translation>
    </message>
    <message>
        <source>At most {maximum} kr in {year} (one prisbasbelopp).</source>
        <translation>Högst {maximum} kr år {year} (ett prisbasbelopp).</translation>
    </message>
    <message>
        <source>Only under debt restructuring.</source>
        <translation>Bara vid skuldsanering.</translation>
    </message>
    <message>
        <source>Required under debt restructuring.</source>
        <translation>Krävs vid skuldsanering.</translation>
    </message>
    <message>
        <source>This case has no buyer.</source>
        <translation>Ärendet har ingen köpare.</translation>
    </message>
    <message>
        <source>The case has several buyers: choose one.</source>
        <translation>Ärendet har flera köpare: välj en.</translation>
    </message>
    <message>
        <source>There is no text in this language ({language}).</source>
        <translation>Det finns ingen text på det här språket ({language}).</translation>
    </message>
    <message>
        <source>The operation has no county, so there is no tip line to print.</source>
        <translation>Insatsen har inget län, så det finns inget tipsnummer att skriva ut.</translation>
    </message>
    <message>
        <source>Enter the site or the ad&apos;s web address.</source>
        <translation>Ange webbplatsen eller annonsens webbadress.</translation>
    </message>
    <message>
        <source>Paste the ad&apos;s text (or at least its title).</source>
        <translation>Klistra in annonsens text (eller åtminstone rubriken).</translation>
    </message>
    <message>
        <source>Must not be before it was first seen.</source>
        <translation>Får inte vara före första gången den sågs.</translation>
    </message>
    <message>
        <source>Link the ad to a case or a person first.</source>
        <translation>Koppla först annonsen till ett ärende eller en person.</translation>
    </message>
    <message>
        <source>Name at least two different ads.</source>
        <translation>Ange minst två olika annonser.</translation>
    </message>
    <message>
        <source>The case is closed or handed over: reopen it to link or unlink ads.</source>
        <translation>Ärendet är avslutat eller överlämnat: öppna det igen för att koppla eller ta bort annonser.</translation>
    </message>
    <message>
        <source>The ad is not linked to this case: link it to the case first.</source>
        <translation>Annonsen är inte kopplad till ärendet: koppla den till ärendet först.</translation>
    </message>
    <message>
        <source>Use the link or file actions to change this.</source>
        <translation>Använd kopplings- eller filfunktionerna för att ändra detta.</translation>
    </message>
    <message>
        <source>The ad has no such file.</source>
        <translation>Annonsen har ingen sådan fil.</translation>
    </message>
    <message>
        <source>The file is not on this laptop (it has not been synced here).</source>
        <translation>Filen finns inte på den här datorn (den har inte synkats hit).</translation>
    </message>
    <message>
        <source>The directory already lists this company.</source>
        <translation>Katalogen har redan den här verksamheten.</translation>
    </message>
    <message>
        <source>Choose the company, or say who else gave the tip.</source>
        <translation>Välj verksamheten, eller skriv vem annars som tipsade.</translation>
    </message>
    <message>
        <source>No such company in the directory.</source>
        <translation>Verksamheten finns inte i katalogen.</translation>
    </message>
    <message>
        <source>The company is in another county&apos;s directory.</source>
        <translation>Verksamheten finns i ett annat läns katalog.</translation>
    </message>
    <message>
        <source>Not a .csv, .html or .mhtml file: say which it is.</source>
        <translation>Inte en .csv-, .html- eller .mhtml-fil: ange vilken sort den är.</translation>
    </message>
    <message>
        <source>The file is too large (at most {mb} MB): split it.</source>
        <translation>Filen är för stor (högst {mb} MB): dela upp den.</translation>
    </message>
    <message>
        <source>The file cannot be written.</source>
        <translation>Filen kan inte skrivas.</translation>
    </message>
    <message>
        <source>Binary data, not a text file.</source>
        <translation>Binärdata, ingen textfil.</translation>
    </message>
    <message>
        <source>Not valid JSON (line {line}, column {column}).</source>
        <translation>Ingen giltig JSON (rad {line}, kolumn {column}).</translation>
    </message>
    <message>
        <source>{fields} fields, but the first row names {columns} columns.</source>
        <translation>{fields} fält, men första raden namnger {columns} kolumner.</translation>
    </message>
    <message>
        <source>A quotation mark opened on this line is never closed.</source>
        <translation>Ett citattecken som öppnas på raden stängs aldrig.</translation>
    </message>
    <message>
        <source>The same web address as line {line}.</source>
        <translation>Samma webbadress som rad {line}.</translation>
    </message>
    <message>
        <source>Not a web page.</source>
        <translation>Inte en webbsida.</translation>
    </message>
    <message>
        <source>A part of the page is never closed: the page is cut off or broken.</source>
        <translation>En del av sidan stängs aldrig: sidan är avkortad eller trasig.</translation>
    </message>
    <message>
        <source>The page holds no visible text.</source>
        <translation>Sidan har ingen synlig text.</translation>
    </message>
    <message>
        <source>The MHTML file holds no web page.</source>
        <translation>MHTML-filen innehåller ingen webbsida.</translation>
    </message>
    <message>
        <source>The page inside the file cannot be decoded.</source>
        <translation>Sidan i filen kan inte avkodas.</translation>
    </message>
    <message>
        <source>Not an MHTML file.</source>
        <translation>Ingen MHTML-fil.</translation>
    </message>
    <message>
        <source>The file ends before its last part does: it is cut off.</source>
        <translation>Filen slutar innan dess sista del gör det: den är avkortad.</translation>
    </message>
    <message>
        <source>No part of the file starts: it is damaged.</source>
        <translation>Ingen del av filen börjar: den är skadad.</translation>
    </message>
    <message>
        <source>A part of the file is damaged.</source>
        <translation>En del av filen är skadad.</translation>
    </message>
    <message>
        <source>The page names an unknown text encoding.</source>
        <translation>Sidan anger en okänd teckenkodning.</translation>
    </message>
    <message>
        <source>Not readable in the page&apos;s own text encoding.</source>
        <translation>Går inte att läsa med sidans egen teckenkodning.</translation>
    </message>
    <message>
        <source>Nothing was imported: the file has the problems listed.</source>
        <translation>Ingenting importerades: filen har problemen i listan.</translation>
    </message>
    <message>
        <source>Wrong officer id or passphrase.</source>
        <translation>Fel tjänste-id eller lösenfras.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait {seconds} s and try again.</source>
        <translation>För många misslyckade försök. Vänta {seconds} s och försök igen.</translation>
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
        <source>This passphrase is not accepted.</source>
        <translation>Lösenfrasen godtas inte.</translation>
    </message>
    <message>
        <source>The vault was written by a newer version of the program: update the program.</source>
        <translation>Valvet skrevs av en nyare version av programmet: uppdatera programmet.</translation>
    </message>
    <message>
        <source>The ad search index is not open.</source>
        <translation>Annonsernas sökindex är inte öppet.</translation>
    </message>
    <message>
        <source>Enter a name of at most 80 characters.</source>
        <translation>Ange ett namn på högst 80 tecken.</translation>
    </message>
    <message>
        <source>Use 2–32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (your service id).</source>
        <translation>Använd 2–32 bokstäver, siffror, &apos;.&apos;, &apos;_&apos; eller &apos;-&apos; (ditt tjänste-id).</translation>
    </message>
    <message>
        <source>This officer is already enrolled.</source>
        <translation>Tjänstemannen är redan registrerad.</translation>
    </message>
    <message>
        <source>This officer is not enrolled.</source>
        <translation>Tjänstemannen är inte registrerad.</translation>
    </message>
    <message>
        <source>The new passphrase must differ from the current one.</source>
        <translation>Den nya lösenfrasen måste skilja sig från den nuvarande.</translation>
    </message>
    <message>
        <source>The last administrator cannot be removed.</source>
        <translation>Den sista administratören kan inte tas bort.</translation>
    </message>
    <message>
        <source>Choose a lock time between 30 seconds and 60 minutes.</source>
        <translation>Välj en låstid mellan 30 sekunder och 60 minuter.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>De två inmatningarna skiljer sig åt.</translation>
    </message>
    <message>
        <source>The bundle cannot be used: it is damaged or not for this station.</source>
        <translation>Paketet kan inte användas: det är skadat eller inte avsett för den här stationen.</translation>
    </message>
    <message>
        <source>The bundle was refused and recorded as an alarm for review.</source>
        <translation>Paketet avvisades och registrerades som ett larm att granska.</translation>
    </message>
    <message>
        <source>Not a bundle of this program (or its start is damaged).</source>
        <translation>Inget paket från det här programmet (eller så är början skadad).</translation>
    </message>
    <message>
        <source>The bundle is cut off.</source>
        <translation>Paketet är avkortat.</translation>
    </message>
    <message>
        <source>The bundle is damaged.</source>
        <translation>Paketet är skadat.</translation>
    </message>
    <message>
        <source>The bundle was altered after it was sealed.</source>
        <translation>Paketet har ändrats efter att det förseglades.</translation>
    </message>
    <message>
        <source>The bundle cannot be decrypted with this station&apos;s key: it is damaged or was sealed for another station.</source>
        <translation>Paketet kan inte dekrypteras med stationens nyckel: det är skadat eller förseglat för en annan station.</translation>
    </message>
    <message>
        <source>The bundle is sealed for another station.</source>
        <translation>Paketet är förseglat för en annan station.</translation>
    </message>
    <message>
        <source>This vault is not a station.</source>
        <translation>Det här valvet är ingen station.</translation>
    </message>
    <message>
        <source>You are logged in to the database as {login}: unlock with your own staff key.</source>
        <translation>Du är inloggad i databasen som {login}: lås upp med din egen personalnyckel.</translation>
    </message>
    <message>
        <source>Role: staff, admin or purge.</source>
        <translation>Roll: staff, admin eller purge.</translation>
    </message>
    <message>
        <source>Counties: give one or more counties, or all counties (one of the two).</source>
        <translation>Län: ange ett eller flera län, eller alla län (det ena av de två).</translation>
    </message>
    <message>
        <source>Only a station admin manages staff and the laptop register.</source>
        <translation>Bara en stationsadministratör hanterar personal och registret över datorer.</translation>
    </message>
    <message>
        <source>That staff member has no login on the database server: its administrator makes one first.</source>
        <translation>Den personen har ingen inloggning på databasservern: serverns administratör skapar en först.</translation>
    </message>
    <message>
        <source>You do not hold that county at this station.</source>
        <translation>Du har inte det länet vid den här stationen.</translation>
    </message>
    <message>
        <source>County: required (you hold several counties).</source>
        <translation>Län: krävs (du har flera län).</translation>
    </message>
    <message>
        <source>Counties belong to a station kept in PostgreSQL; a station vault is one county&apos;s.</source>
        <translation>Län hör till en station i PostgreSQL; ett stationsvalv är ett läns.</translation>
    </message>
    <message>
        <source>That laptop is registered for {county}, a county you do not hold at this station; nothing was imported.</source>
        <translation>Den datorn är registrerad för {county}, ett län du inte har vid den här stationen; inget importerades.</translation>
    </message>
    <message>
        <source>That laptop is registered for {county}; a laptop&apos;s county does not change.</source>
        <translation>Den datorn är registrerad för {county}; en dators län ändras inte.</translation>
    </message>
    <message>
        <source>The station&apos;s database server refused the work (SQLSTATE {sqlstate}); nothing of it was kept.</source>
        <translation>Stationens databasserver vägrade utföra arbetet (SQLSTATE {sqlstate}); inget av det sparades.</translation>
    </message>
    <message>
        <source>Not a station card.</source>
        <translation>Inget stationskort.</translation>
    </message>
    <message>
        <source>The station card is damaged: its fingerprint does not match its keys.</source>
        <translation>Stationskortet är skadat: dess fingeravtryck stämmer inte med nycklarna.</translation>
    </message>
    <message>
        <source>The station card is damaged.</source>
        <translation>Stationskortet är skadat.</translation>
    </message>
    <message>
        <source>A station does not enrol another station&apos;s card.</source>
        <translation>En station registrerar inte en annan stations kort.</translation>
    </message>
    <message>
        <source>This laptop already sends to another station.</source>
        <translation>Den här datorn skickar redan till en annan station.</translation>
    </message>
    <message>
        <source>No station is enrolled on this laptop: enrol the station&apos;s card first.</source>
        <translation>Ingen station är registrerad på den här datorn: registrera stationens kort först.</translation>
    </message>
    <message>
        <source>Not a receipt from this laptop&apos;s station.</source>
        <translation>Inget kvitto från den här datorns station.</translation>
    </message>
    <message>
        <source>The receipt comes from another station.</source>
        <translation>Kvittot kommer från en annan station.</translation>
    </message>
    <message>
        <source>The station&apos;s signature on the receipt does not verify.</source>
        <translation>Stationens underskrift på kvittot kan inte verifieras.</translation>
    </message>
    <message>
        <source>The receipt is for another laptop.</source>
        <translation>Kvittot gäller en annan dator.</translation>
    </message>
    <message>
        <source>The station holds a different record than this laptop at sequence {seq}. Do not purge; report it to the station.</source>
        <translation>Stationen har andra poster än den här datorn vid nummer {seq}. Rensa inte; rapportera det till stationen.</translation>
    </message>
    <message>
        <source>Not a station card key.</source>
        <translation>Ingen nyckel till ett stationskort.</translation>
    </message>
    <message>
        <source>This laptop&apos;s vault never enrolled this station&apos;s card.</source>
        <translation>Den här datorns valv har aldrig registrerat stationens kort.</translation>
    </message>
    <message>
        <source>The recovery slot does not open with this station&apos;s key.</source>
        <translation>Återställningsplatsen öppnas inte med stationens nyckel.</translation>
    </message>
    <message>
        <source>The bundle holds no records.</source>
        <translation>Paketet innehåller inga poster.</translation>
    </message>
    <message>
        <source>The bundle is larger than a station accepts.</source>
        <translation>Paketet är större än en station tar emot.</translation>
    </message>
    <message>
        <source>This laptop card cannot be registered.</source>
        <translation>Datorkortet kan inte registreras.</translation>
    </message>
    <message>
        <source>Enrolled, but the laptop card was not written: write it again.</source>
        <translation>Registrerad, men datorkortet skrevs inte: skriv det igen.</translation>
    </message>
    <message>
        <source>More than one registered laptop has that device id.</source>
        <translation>Mer än en registrerad dator har det id:t.</translation>
    </message>
    <message>
        <source>No such folder; nothing was imported.</source>
        <translation>Mappen finns inte; ingenting importerades.</translation>
    </message>
    <message>
        <source>The folder cannot be written; nothing was imported.</source>
        <translation>Det går inte att skriva i mappen; ingenting importerades.</translation>
    </message>
    <message>
        <source>Say what was done about the alarm.</source>
        <translation>Skriv vad som gjordes åt larmet.</translation>
    </message>
    <message>
        <source>Compare the fingerprint, then confirm.</source>
        <translation>Jämför fingeravtrycket och bekräfta sedan.</translation>
    </message>
    <message>
        <source>Between 1 and {max} copies.</source>
        <translation>Mellan 1 och {max} exemplar.</translation>
    </message>
    <message>
        <source>Choose at least one language.</source>
        <translation>Välj minst ett språk.</translation>
    </message>
    <message>
        <source>There are {count} operations: choose the one whose contacts go on it.</source>
        <translation>Det finns {count} insatser: välj den vars kontakter ska stå på bladet.</translation>
    </message>
    <message>
        <source>There is no operation yet, so there are no contacts to print.</source>
        <translation>Det finns ingen insats ännu, så det finns inga kontakter att skriva ut.</translation>
    </message>
    <message>
        <source>Wrong passphrase for the station card key.</source>
        <translation>Fel lösenfras för stationens kortnyckel.</translation>
    </message>
    <message>
        <source>The page&apos;s markup is broken and cannot be read.</source>
        <translation>Sidans kod är trasig och kan inte läsas.</translation>
    </message>
    <message>
        <source>No receipt from the station covers this case: it cannot be purged yet.</source>
        <translation>Inget kvitto från stationen täcker ärendet: det kan inte rensas än.</translation>
    </message>
    <message>
        <source>The station has not acknowledged every event of this case yet.</source>
        <translation>Stationen har ännu inte kvitterat alla händelser i ärendet.</translation>
    </message>
    <message>
        <source>Must be a whole number of minutes.</source>
        <translation>Måste vara ett helt antal minuter.</translation>
    </message>
    <message>
        <source>This was not accepted.</source>
        <translation>Det godtogs inte.</translation>
    </message>
    <message>
        <source>The key file (vault.keys) was written by a newer version of the program (format {version}; this one reads {supported}). Nothing has been changed: update the program.</source>
        <translation>Nyckelfilen (vault.keys) är skriven av en nyare version av programmet (format {version}; den här läser {supported}). Inget har ändrats: uppdatera programmet.</translation>
    </message>
    <message>
        <source>There is no such provisioning file.</source>
        <translation>Det finns ingen sådan konfigurationsfil.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>Filen är inte UTF-8-text.</translation>
    </message>
    <message>
        <source>Not valid TOML (line {line}).</source>
        <translation>Inte giltig TOML (rad {line}).</translation>
    </message>
    <message>
        <source>The file must begin with format = &quot;fieldapp-provisioning&quot;.</source>
        <translation>Filen ska börja med format = &quot;fieldapp-provisioning&quot;.</translation>
    </message>
    <message>
        <source>The version must be 1.</source>
        <translation>Versionen ska vara 1.</translation>
    </message>
    <message>
        <source>Written for a newer program (version {version}; this one reads {supported}).</source>
        <translation>Skriven för ett nyare program (version {version}; det här läser {supported}).</translation>
    </message>
    <message>
        <source>{name} is not a setting that can be managed.</source>
        <translation>{name} är ingen inställning som kan styras centralt.</translation>
    </message>
    <message>
        <source>There is no station card at {path}.</source>
        <translation>Det finns inget stationskort i {path}.</translation>
    </message>
    <message>
        <source>{path} is not a valid station card.</source>
        <translation>{path} är inget giltigt stationskort.</translation>
    </message>
    <message>
        <source>Must be between {low} and {high}.</source>
        <translation>Ska vara mellan {low} och {high}.</translation>
    </message>
    <message>
        <source>Must be one of {known}.</source>
        <translation>Ska vara ett av {known}.</translation>
    </message>
    <message>
        <source>A printer&apos;s name: 1–{limit} characters on one line.</source>
        <translation>En skrivares namn: 1–{limit} tecken på en rad.</translation>
    </message>
    <message>
        <source>Part {part} is not a price: write it as e.g. 1 500 kr / 30 min.</source>
        <translation>Del {part} är inget pris: skriv det t.ex. som 1 500 kr / 30 min.</translation>
    </message>
    <message>
        <source>Part {part}: the amount can be read more than one way; write it without decimals.</source>
        <translation>Del {part}: beloppet kan läsas på mer än ett sätt; skriv det utan decimaler.</translation>
    </message>
    <message>
        <source>Not a picture: add screenshots as {types}.</source>
        <translation>Ingen bild: lägg till skärmbilder som {types}.</translation>
    </message>
    <message>
        <source>The database address cannot be read.</source>
        <translation>Databasens adress går inte att läsa.</translation>
    </message>
    <message>
        <source>The station&apos;s database server cannot be reached.</source>
        <translation>Det går inte att nå stationens databasserver.</translation>
    </message>
    <message>
        <source>The database refused the login.</source>
        <translation>Databasen godtog inte inloggningen.</translation>
    </message>
    <message>
        <source>That database does not exist.</source>
        <translation>Den databasen finns inte.</translation>
    </message>
    <message>
        <source>That database holds no station of this program.</source>
        <translation>Den databasen innehåller ingen station för det här programmet.</translation>
    </message>
    <message>
        <source>That database holds a station already; nothing was changed.</source>
        <translation>Den databasen har redan en station; inget ändrades.</translation>
    </message>
    <message>
        <source>That database is station {found}&apos;s, not {expected}&apos;s.</source>
        <translation>Den databasen tillhör station {found}, inte {expected}.</translation>
    </message>
    <message>
        <source>The station&apos;s database is at version {version}; this program knows up to {known}: update the program on this PC.</source>
        <translation>Stationens databas har version {version}; det här programmet känner till högst {known}: uppdatera programmet på den här datorn.</translation>
    </message>
    <message>
        <source>The station&apos;s database is at version {version}; its owner must migrate it to {known}.</source>
        <translation>Stationens databas har version {version}; dess ägare måste uppgradera den till {known}.</translation>
    </message>
    <message>
        <source>The connection to the station&apos;s database was lost; nothing of the unfinished work was kept. Try again.</source>
        <translation>Förbindelsen med stationens databas bröts; inget av det ofärdiga arbetet sparades. Försök igen.</translation>
    </message>
    <message>
        <source>Another station PC stored the same records at the same moment; nothing was kept. Try again.</source>
        <translation>En annan stationsdator sparade samma poster i samma ögonblick; inget sparades. Försök igen.</translation>
    </message>
    <message>
        <source>The database does not permit this for this login.</source>
        <translation>Databasen tillåter inte detta för den här inloggningen.</translation>
    </message>
    <message>
        <source>A password is never given on the command line: use a service file, a password file or the prompt.</source>
        <translation>Ett lösenord anges aldrig på kommandoraden: använd en tjänstefil, en lösenordsfil eller frågan om lösenord.</translation>
    </message>
    <message>
        <source>A stored record does not open with the station&apos;s key: it was altered or moved.</source>
        <translation>En sparad uppgift går inte att öppna med stationens nyckel: den har ändrats eller flyttats.</translation>
    </message>
    <message>
        <source>The station&apos;s sealed keys do not open: they were altered or are another station&apos;s.</source>
        <translation>Stationens förseglade nycklar går inte att öppna: de har ändrats eller tillhör en annan station.</translation>
    </message>
    <message>
        <source>The station&apos;s keys and records are kept unencrypted: migrate the database with a staff member&apos;s passphrase to seal them. Nothing was changed.</source>
        <translation>Stationens nycklar och uppgifter lagras okrypterade: migrera databasen med en stationspersons lösenfras för att försegla dem. Inget ändrades.</translation>
    </message>
    <message>
        <source>This migration reads the station&apos;s records, which needs a staff member&apos;s passphrase: migrate with one. Nothing was changed.</source>
        <translation>Den här migreringen läser stationens uppgifter, och det kräver en stationspersons lösenfras: migrera med en. Inget ändrades.</translation>
    </message>
    <message>
        <source>Staff name: 1–64 characters, required.</source>
        <translation>Personalens namn: 1–64 tecken, obligatoriskt.</translation>
    </message>
    <message>
        <source>That staff member can unlock the station already.</source>
        <translation>Den personen kan redan låsa upp stationen.</translation>
    </message>
    <message>
        <source>That staff member has no key to the station.</source>
        <translation>Den personen har ingen nyckel till stationen.</translation>
    </message>
    <message>
        <source>That is the last staff member who can unlock the station: add another one first.</source>
        <translation>Det är den sista personen som kan låsa upp stationen: lägg till en annan först.</translation>
    </message>
    <message>
        <source>Staff keys belong to a station kept in PostgreSQL; a station vault&apos;s staff are its officers.</source>
        <translation>Personalnycklar hör till en station i PostgreSQL; i ett stationsvalv är personalen dess tjänstemän.</translation>
    </message>
    <message>
        <source>This is done at a station vault or a laptop, not from the station&apos;s database.</source>
        <translation>Det görs i stationens valv eller på en dator i fält, inte från stationens databas.</translation>
    </message>
    <message>
        <source>Another reviewer settled that conflict a moment ago; nothing was changed.</source>
        <translation>En annan granskare avgjorde den konflikten alldeles nyss; inget ändrades.</translation>
    </message>
</context>
<context>
    <name>ProposalsModel</name>
    <message>
        <source>Ads</source>
        <translation>Annonser</translation>
    </message>
    <message>
        <source>Why they may be one advertiser</source>
        <translation>Varför de kan vara samma annonsör</translation>
    </message>
    <message>
        <source>same phone {numbers}</source>
        <translation>samma telefon {numbers}</translation>
    </message>
    <message>
        <source>near-identical text ({percent} %)</source>
        <translation>nästan samma text ({percent} %)</translation>
    </message>
    <message>
        <source>some already confirmed together</source>
        <translation>några redan bekräftade tillsammans</translation>
    </message>
</context>
<context>
    <name>ProposalsTab</name>
    <message>
        <source>Ads that share a phone number or have near-identical texts. Look at the ads, then confirm them as one advertiser&apos;s or record that they are not; nothing is merged without you.</source>
        <translation>Annonser med samma telefonnummer eller nästan samma text. Titta på annonserna och bekräfta att de är samma annonsörs, eller att de inte är det; inget slås ihop utan dig.</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Förslag</translation>
    </message>
    <message>
        <source>No open proposals.</source>
        <translation>Inga öppna förslag.</translation>
    </message>
    <message>
        <source>The ads of the proposal (Enter opens one)</source>
        <translation>Förslagets annonser (Enter öppnar en)</translation>
    </message>
    <message>
        <source>Ads of the proposal</source>
        <translation>Förslagets annonser</translation>
    </message>
    <message>
        <source>optional: what you compared</source>
        <translation>frivilligt: vad du jämförde</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>&amp;Kommentar</translation>
    </message>
    <message>
        <source>&amp;Not the same</source>
        <translation>I&amp;nte samma</translation>
    </message>
    <message>
        <source>Confirmed: {count} ads of one advertiser.</source>
        <translation>Bekräftat: {count} annonser från samma annonsör.</translation>
    </message>
    <message>
        <source>Recorded: not the same advertiser.</source>
        <translation>Registrerat: inte samma annonsör.</translation>
    </message>
    <message>
        <source>Same ad&amp;vertiser</source>
        <translation>Samma annonsör – &amp;bekräfta</translation>
    </message>
    <message>
        <source>&amp;Earlier decisions…</source>
        <translation>&amp;Tidigare beslut…</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Not saved yet: the value was not accepted.</source>
        <translation>Inte sparat ännu: värdet godtogs inte.</translation>
    </message>
</context>
<context>
    <name>RegisterForm</name>
    <message>
        <source>&amp;Web address</source>
        <translation>&amp;Webbadress</translation>
    </message>
    <message>
        <source>from the address if left empty</source>
        <translation>tas från adressen om tomt</translation>
    </message>
    <message>
        <source>Paste the ad&apos;s text here (Ctrl+V)</source>
        <translation>Klistra in annonsens text här (Ctrl+V)</translation>
    </message>
    <message>
        <source>commas between numbers</source>
        <translation>komma mellan numren</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>Tele&amp;fon</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>&amp;E-post</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Priser</translation>
    </message>
    <message>
        <source>M&amp;unicipality</source>
        <translation>&amp;Kommun</translation>
    </message>
    <message>
        <source>1. Paste the ad</source>
        <translation>1. Klistra in annonsen</translation>
    </message>
    <message>
        <source>2. Check what was read, then register</source>
        <translation>2. Kontrollera det som lästes ut, registrera sedan</translation>
    </message>
    <message>
        <source>Choose or create an operation first (Ctrl+1): ads belong to one.</source>
        <translation>Välj eller skapa en insats först (Ctrl+1): annonserna hör till en insats.</translation>
    </message>
    <message>
        <source>The saved page could not be kept over the lock: import it again.</source>
        <translation>Den sparade sidan kunde inte behållas över låsningen: importera den igen.</translation>
    </message>
    <message>
        <source>Already registered at this address (first seen {first}): registering records it as seen again.</source>
        <translation>Redan registrerad på den här adressen (först sedd {first}): registreringen noterar den som sedd igen.</translation>
    </message>
    <message>
        <source>Re&amp;gister as seen again (Enter)</source>
        <translation>Registrera som sedd igen (Enter)</translation>
    </message>
    <message>
        <source>The saved page {file} is attached when the ad is registered.</source>
        <translation>Den sparade sidan {file} bifogas när annonsen registreras.</translation>
    </message>
    <message>
        <source>{count} registered ad(s) share a phone number with this one.</source>
        <translation>Registrerade annonser med samma telefonnummer: {count}.</translation>
    </message>
    <message>
        <source>{count} registered ad(s) have a near-identical text.</source>
        <translation>Registrerade annonser med nästan samma text: {count}.</translation>
    </message>
    <message>
        <source>They are proposed as one advertiser, never merged by themselves.</source>
        <translation>De föreslås som samma annonsör men slås aldrig ihop av sig själva.</translation>
    </message>
    <message>
        <source>Seen again: {ad}</source>
        <translation>Sedd igen: {ad}</translation>
    </message>
    <message>
        <source>Registered: {ad}</source>
        <translation>Registrerad: {ad}</translation>
    </message>
    <message>
        <source>{mark} Check {number}: {why}</source>
        <translation>{mark} Kontrollera {number}: {why}</translation>
    </message>
    <message>
        <source>Sit&amp;e</source>
        <translation>Webbpla&amp;ts</translation>
    </message>
    <message>
        <source>Ad te&amp;xt</source>
        <translation>Annonste&amp;xt</translation>
    </message>
    <message>
        <source>Rea&amp;d the ad (Enter)</source>
        <translation>&amp;Läs annonsen (Enter)</translation>
    </message>
    <message>
        <source>Tit&amp;le</source>
        <translation>R&amp;ubrik</translation>
    </message>
    <message>
        <source>H&amp;otel</source>
        <translation>H&amp;otell</translation>
    </message>
    <message>
        <source>Register the ad (E&amp;nter)</source>
        <translation>Registrera annonsen (Enter)</translation>
    </message>
</context>
<context>
    <name>RegisteredLaptopModel</name>
    <message>
        <source>Laptop</source>
        <translation>Dator</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingeravtryck</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Poliser</translation>
    </message>
    <message>
        <source>County</source>
        <translation>Län</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Revoked: {reason}</source>
        <translation>Spärrad: {reason}</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>Alarm: {kind}
{laptop}</source>
        <translation>Larm: {kind}
{laptop}</translation>
    </message>
    <message>
        <source>Conflict: {what}, {field}
{case}</source>
        <translation>Konflikt: {what}, {field}
{case}</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <source>Nothing to review: no open conflicts and no open alarms.</source>
        <translation>Inget att granska: inga öppna konflikter och inga öppna larm.</translation>
    </message>
    <message>
        <source>Se&amp;ttled conflicts</source>
        <translation>A&amp;vgjorda konflikter</translation>
    </message>
    <message>
        <source>{what}, {field}: {value}
settled by {who}, {when}</source>
        <translation>{what}, {field}: {value}
avgjord av {who}, {when}</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Inga ännu.</translation>
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
<context>
    <name>SearchTab</name>
    <message>
        <source>Words, or a phone number in any format</source>
        <translation>Ord, eller ett telefonnummer i valfritt format</translation>
    </message>
    <message>
        <source>S&amp;earch</source>
        <translation>S&amp;ök</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>&amp;Kommun</translation>
    </message>
    <message>
        <source>Seen si&amp;nce</source>
        <translation>Sedd &amp;från</translation>
    </message>
    <message>
        <source>&amp;until</source>
        <translation>&amp;till</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Träffar</translation>
    </message>
    <message>
        <source>Not a phone number, nor four or more of its last digits.</source>
        <translation>Inte ett telefonnummer, inte heller minst fyra av dess sista siffror.</translation>
    </message>
    <message>
        <source>The operation&apos;s ads, newest first: {count}.</source>
        <translation>Insatsens annonser, senaste först: {count}.</translation>
    </message>
    <message>
        <source>Phone {number}: {count} hits.</source>
        <translation>Telefon {number}: {count} träffar.</translation>
    </message>
    <message>
        <source>{count} hits.</source>
        <translation>{count} träffar.</translation>
    </message>
    <message>
        <source>There are more: narrow the search.</source>
        <translation>Det finns fler: gör sökningen snävare.</translation>
    </message>
    <message>
        <source>Search n&amp;ow (Enter)</source>
        <translation>Sök (Enter)</translation>
    </message>
</context>
<context>
    <name>SellerForm</name>
    <message>
        <source>a name or an alias</source>
        <translation>ett namn eller alias</translation>
    </message>
    <message>
        <source>&amp;Name or alias</source>
        <translation>&amp;Namn eller alias</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>&amp;Födelsedatum</translation>
    </message>
    <message>
        <source>years</source>
        <translation>år</translation>
    </message>
    <message>
        <source>&amp;Estimated age</source>
        <translation>&amp;Uppskattad ålder</translation>
    </message>
    <message>
        <source>&amp;May be under 18</source>
        <translation>&amp;Kan vara under 18</translation>
    </message>
    <message>
        <source>Nationalit&amp;y</source>
        <translation>Medbor&amp;garskap</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>Needs an interpre&amp;ter</source>
        <translation>Behöver t&amp;olk</translation>
    </message>
    <message>
        <source>Interpreter langua&amp;ge</source>
        <translation>Tolkspr&amp;åk</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>Signs of trafficking (none decides alone)</source>
        <translation>Tecken på människohandel (inget avgör ensamt)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>Ante&amp;ckning</translation>
    </message>
    <message>
        <source>Kept as a draft until there is a name or an alias.</source>
        <translation>Sparas som utkast tills det finns ett namn eller alias.</translation>
    </message>
    <message>
        <source>sv, or several: ro, en</source>
        <translation>sv, eller flera: ro, en</translation>
    </message>
    <message>
        <source>one language, e.g. ro</source>
        <translation>ett språk, t.ex. ro</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after &amp;idle</source>
        <translation>Lås efter &amp;inaktivitet</translation>
    </message>
    <message>
        <source>Officers enrolled on this computer</source>
        <translation>Poliser registrerade på den här datorn</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagar</translation>
    </message>
    <message>
        <source>&amp;Retention</source>
        <translation>Gallring &amp;efter</translation>
    </message>
    <message>
        <source>Your IT department&apos;s settings file ({file}) has problems and is not used; this computer keeps its own settings. Tell IT:</source>
        <translation>IT-avdelningens inställningsfil ({file}) har fel och används inte; datorn behåller sina egna inställningar. Meddela IT:</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>rad {line}</translation>
    </message>
    <message>
        <source>At the station: finished cases untouched this long may be purged by an administrator (fieldapp station purge); a laptop&apos;s purge removes nothing here. Default {default} days.</source>
        <translation>På stationen: avslutade ärenden som inte ändrats på så länge kan gallras av en administratör (fieldapp station purge); en dators gallring tar inte bort något här. Standard {default} dagar.</translation>
    </message>
    <message>
        <source>On this laptop: finished cases the station has acknowledged, untouched this long, can be purged on the Sync page. Default {default} days.</source>
        <translation>På den här datorn: avslutade ärenden som stationen har kvitterat och som inte ändrats på så länge kan gallras på sidan Synk. Standard {default} dagar.</translation>
    </message>
    <message>
        <source>Only an administrator can change it.</source>
        <translation>Bara en administratör kan ändra den.</translation>
    </message>
    <message>
        <source>Access l&amp;og…</source>
        <translation>Åtkomst&amp;logg…</translation>
    </message>
    <message>
        <source>Large te&amp;xt (easier to read at arm&apos;s length)</source>
        <translation>Stor te&amp;xt (lättare att läsa på armlängds avstånd)</translation>
    </message>
    <message>
        <source>Com&amp;pleted offence when</source>
        <translation>&amp;Fullbordat brott när</translation>
    </message>
    <message>
        <source>Administrators enrol officers here; removing one is done on the command line (fieldapp officer remove).</source>
        <translation>Administratörer registrerar poliser här; att ta bort en görs på kommandoraden (fieldapp officer remove).</translation>
    </message>
    <message>
        <source>E&amp;nrol an officer…</source>
        <translation>Registrera en &amp;polis…</translation>
    </message>
    <message>
        <source>language</source>
        <translation>språk</translation>
    </message>
    <message>
        <source>lock after idle</source>
        <translation>lås vid inaktivitet</translation>
    </message>
    <message>
        <source>county of new operations</source>
        <translation>län för nya insatser</translation>
    </message>
    <message>
        <source>the station</source>
        <translation>stationen</translation>
    </message>
    <message>
        <source>printer ({name})</source>
        <translation>skrivare ({name})</translation>
    </message>
    <message>
        <source>Managed: {settings}.</source>
        <translation>Styrs centralt: {settings}.</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>On</source>
        <translation>På</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Tid</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>{staff} at station {station} (PostgreSQL)</source>
        <translation>{staff} på stationen {station} (PostgreSQL)</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>Lås (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>StationSyncView</name>
    <message>
        <source>Sync at the station</source>
        <translation>Synk på stationen</translation>
    </message>
    <message>
        <source>{name}. Laptops enrolling its card compare this fingerprint:</source>
        <translation>{name}. Datorer som registrerar dess kort jämför detta fingeravtryck:</translation>
    </message>
    <message>
        <source>Save station car&amp;d…</source>
        <translation>Spara stations&amp;kort…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>Gra&amp;nskning</translation>
    </message>
    <message>
        <source>&amp;Link operations</source>
        <translation>&amp;Länka insatser</translation>
    </message>
    <message>
        <source>Lapto&amp;ps</source>
        <translation>&amp;Datorer</translation>
    </message>
    <message>
        <source>&amp;Review ({count})</source>
        <translation>Gra&amp;nskning ({count})</translation>
    </message>
    <message>
        <source>Saved {file}. Give it to the laptops&apos; administrators.</source>
        <translation>Sparade {file}. Ge den till datorernas administratörer.</translation>
    </message>
    <message>
        <source>Cas&amp;es</source>
        <translation>Ärend&amp;en</translation>
    </message>
</context>
<context>
    <name>StationWindow</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>The station is locked</source>
        <translation>Stationen är låst</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>No buyer yet</source>
        <translation>Ingen köpare ännu</translation>
    </message>
    <message>
        <source>{outcome} ({count} of {total})</source>
        <translation>{outcome} ({count} av {total})</translation>
    </message>
    <message>
        <source>Child case 6:9</source>
        <translation>Barnärende 6:9</translation>
    </message>
    <message>
        <source>Trafficking signs</source>
        <translation>Tecken på människohandel</translation>
    </message>
    <message>
        <source>Trafficking?</source>
        <translation>Människohandel?</translation>
    </message>
    <message>
        <source>Rule: {rule}.</source>
        <translation>Regel: {rule}.</translation>
    </message>
    <message>
        <source>Add the buyer, then record {elements}.</source>
        <translation>Lägg till köparen och registrera sedan {elements}.</translation>
    </message>
    <message>
        <source>{name}: {outcome}.</source>
        <translation>{name}: {outcome}.</translation>
    </message>
    <message>
        <source>Recorded: {list}.</source>
        <translation>Registrerat: {list}.</translation>
    </message>
    <message>
        <source>Missing for a completed offence: {list}.</source>
        <translation>Saknas för fullbordat brott: {list}.</translation>
    </message>
    <message>
        <source>The payment supports the evidence but is not required by this rule.</source>
        <translation>Betalningen stärker bevisningen men krävs inte enligt den här regeln.</translation>
    </message>
    <message>
        <source>Offence: {name} ({section}).</source>
        <translation>Brott: {name} ({section}).</translation>
    </message>
    <message>
        <source>The seller is heard as {standing}.</source>
        <translation>Säljaren hörs som {standing}.</translation>
    </message>
</context>
<context>
    <name>SupportForm</name>
    <message>
        <source>&amp;Offered</source>
        <translation>&amp;Erbjudet</translation>
    </message>
    <message>
        <source>only if not in the list</source>
        <translation>bara om den inte finns i listan</translation>
    </message>
    <message>
        <source>Or&amp;ganisation</source>
        <translation>Or&amp;ganisation</translation>
    </message>
    <message>
        <source>O&amp;utcome</source>
        <translation>&amp;Utfall</translation>
    </message>
    <message>
        <source>&amp;Leaflet in</source>
        <translation>Informations&amp;blad på</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Tid</translation>
    </message>
    <message>
        <source>{name} (not reviewed)</source>
        <translation>{name} (ej granskad)</translation>
    </message>
    <message>
        <source>another organisation (type it below)</source>
        <translation>en annan organisation (skriv den nedan)</translation>
    </message>
    <message>
        <source>Not&amp;e</source>
        <translation>Ante&amp;ckning</translation>
    </message>
</context>
<context>
    <name>SupportStep</name>
    <message>
        <source>Support for the seller: {name}</source>
        <translation>Stöd till säljaren: {name}</translation>
    </message>
    <message>
        <source>She is not suspected of anything. Offer contact with the support organisation, and give her the leaflet in a language she reads.</source>
        <translation>Hon är inte misstänkt för något. Erbjud kontakt med stödorganisationen och ge henne informationsbladet på ett språk hon läser.</translation>
    </message>
    <message>
        <source>Support for the buyer: {name}</source>
        <translation>Stöd till köparen: {name}</translation>
    </message>
    <message>
        <source>Offer contact with the support for buyers (e.g. KAST), with the leaflet.</source>
        <translation>Erbjud kontakt med stödet för köpare (t.ex. KAST), med informationsbladet.</translation>
    </message>
    <message>
        <source>&amp;Print the leaflet (Ctrl+P)</source>
        <translation>Skriv ut &amp;informationsbladet (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Record the offer (Enter)</source>
        <translation>&amp;Registrera erbjudandet (Enter)</translation>
    </message>
    <message>
        <source>Offered {time}: {outcome}</source>
        <translation>Erbjudet {time}: {outcome}</translation>
    </message>
    <message>
        <source>Leaflet for the seller</source>
        <translation>Informationsblad till säljaren</translation>
    </message>
    <message>
        <source>Leaflet for the buyer</source>
        <translation>Informationsblad till köparen</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Imported</source>
        <translation>Importerat</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>Fanns redan</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Avvisat</translation>
    </message>
    <message>
        <source>Two different chains from one laptop</source>
        <translation>Två olika kedjor från en dator</translation>
    </message>
    <message>
        <source>A known record came again, altered</source>
        <translation>En känd post kom igen, ändrad</translation>
    </message>
    <message>
        <source>Records that do not verify</source>
        <translation>Poster som inte kan verifieras</translation>
    </message>
    <message>
        <source>Sealed with an unknown key</source>
        <translation>Förseglat med en okänd nyckel</translation>
    </message>
    <message>
        <source>From a laptop or officer not registered here</source>
        <translation>Från en dator eller polis som inte är registrerad här</translation>
    </message>
    <message>
        <source>From a revoked laptop</source>
        <translation>Från en spärrad dator</translation>
    </message>
    <message>
        <source>The laptop was probably cloned or restored from a backup. Find both copies, keep the laptop with the longer record, and take the other out of use before importing more.</source>
        <translation>Datorn har troligen klonats eller återställts från en säkerhetskopia. Leta upp båda kopiorna, behåll datorn med den längre kedjan och ta den andra ur bruk innan du importerar mer.</translation>
    </message>
    <message>
        <source>A record the station already holds arrived with other content: it was altered after the fact, or the laptop is damaged. The bundle was refused; report it.</source>
        <translation>En post som stationen redan har kom med annat innehåll: den har ändrats i efterhand, eller så är datorn skadad. Paketet avvisades; rapportera det.</translation>
    </message>
    <message>
        <source>The bundle was sealed correctly but its records do not verify (a broken link or signature). The bundle was refused; check the laptop and report it.</source>
        <translation>Paketet var korrekt förseglat men dess poster kan inte verifieras (en bruten länk eller signatur). Paketet avvisades; kontrollera datorn och rapportera det.</translation>
    </message>
    <message>
        <source>The bundle was sealed with a key that is not enrolled on that laptop. The bundle was refused; find out who made it.</source>
        <translation>Paketet förseglades med en nyckel som inte är registrerad på den datorn. Paketet avvisades; ta reda på vem som skapade det.</translation>
    </message>
    <message>
        <source>The bundle names a laptop or officer key that is not in this station&apos;s register. Nothing of it was kept. If the laptop is yours, register its current laptop card (after a new officer or a recovery it needs a new one) and import again; otherwise find out who made it.</source>
        <translation>Paketet anger en dator eller polisnyckel som inte finns i stationens register. Ingenting av det sparades. Om datorn är er: registrera dess aktuella datorkort (efter en ny polis eller en återställning behövs ett nytt) och importera igen; annars ta reda på vem som skapade det.</translation>
    </message>
    <message>
        <source>The bundle comes from a laptop revoked as lost, stolen or retired, and holds records made after the revocation. Nothing of it was kept; report it.</source>
        <translation>Paketet kommer från en dator som spärrats som förlorad, stulen eller avvecklad, och innehåller poster gjorda efter spärren. Ingenting av det sparades; rapportera det.</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Förlorad</translation>
    </message>
    <message>
        <source>Stolen</source>
        <translation>Stulen</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Avvecklad</translation>
    </message>
    <message>
        <source>This station</source>
        <translation>Den här stationen</translation>
    </message>
    <message>
        <source>Laptop {id}</source>
        <translation>Dator {id}</translation>
    </message>
    <message>
        <source>withdrawn or kept</source>
        <translation>återtaget eller behållet</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Återtaget</translation>
    </message>
    <message>
        <source>Kept (edited)</source>
        <translation>Behållet (ändrat)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>{place}, room {room}</source>
        <translation>{place}, rum {room}</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottaget</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Behöver åtgärd</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Granskat</translation>
    </message>
</context>
<context>
    <name>SyncDialogs</name>
    <message>
        <source>Station card</source>
        <translation>Stationskort</translation>
    </message>
    <message>
        <source>Station cards (*.json)</source>
        <translation>Stationskort (*.json)</translation>
    </message>
    <message>
        <source>Laptop card</source>
        <translation>Datorkort</translation>
    </message>
    <message>
        <source>Laptop cards (*.json)</source>
        <translation>Datorkort (*.json)</translation>
    </message>
    <message>
        <source>Save the station card</source>
        <translation>Spara stationskortet</translation>
    </message>
    <message>
        <source>Save this laptop&apos;s card</source>
        <translation>Spara datorns kort</translation>
    </message>
    <message>
        <source>Folder for the bundle (e.g. the USB stick)</source>
        <translation>Mapp för paketet (t.ex. USB-stickan)</translation>
    </message>
    <message>
        <source>Receipt from the station</source>
        <translation>Kvitto från stationen</translation>
    </message>
    <message>
        <source>Receipts (*{suffix})</source>
        <translation>Kvitton (*{suffix})</translation>
    </message>
    <message>
        <source>Bundles to import</source>
        <translation>Paket att importera</translation>
    </message>
    <message>
        <source>Bundles (*{suffix})</source>
        <translation>Paket (*{suffix})</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bekräfta</translation>
    </message>
    <message>
        <source>Sealed bundle from a laptop</source>
        <translation>Förseglat paket från en dator</translation>
    </message>
    <message>
        <source>Station receipt</source>
        <translation>Kvitto från stationen</translation>
    </message>
</context>
<context>
    <name>TeamEditor</name>
    <message>
        <source>Team</source>
        <translation>Laget</translation>
    </message>
    <message>
        <source>New team member</source>
        <translation>Ny i laget</translation>
    </message>
    <message>
        <source>&amp;Add to the team (Enter)</source>
        <translation>&amp;Lägg till i laget (Enter)</translation>
    </message>
    <message>
        <source>Change: {name}</source>
        <translation>Ändra: {name}</translation>
    </message>
    <message>
        <source>&amp;Save the changes (Enter)</source>
        <translation>&amp;Spara ändringarna (Enter)</translation>
    </message>
    <message>
        <source>Added to the team: {name}.</source>
        <translation>Tillagd i laget: {name}.</translation>
    </message>
    <message>
        <source>Removed from the team: {name}.</source>
        <translation>Borttagen ur laget: {name}.</translation>
    </message>
</context>
<context>
    <name>TeamMemberForm</name>
    <message>
        <source>e.g. the service number</source>
        <translation>t.ex. tjänstenumret</translation>
    </message>
    <message>
        <source>Officer &amp;ID</source>
        <translation>Tjänste-&amp;id</translation>
    </message>
    <message>
        <source>Nam&amp;e</source>
        <translation>Na&amp;mn</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— välj —</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Roll</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Tele&amp;fon</translation>
    </message>
</context>
<context>
    <name>TeamModel</name>
    <message>
        <source>Officer ID</source>
        <translation>Tjänste-id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
</context>
<context>
    <name>TickStep</name>
    <message>
        <source>optional: who you spoke to, when</source>
        <translation>valfritt: vem du talade med, när</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>Ante&amp;ckning</translation>
    </message>
    <message>
        <source>&amp;Tick (Enter)</source>
        <translation>&amp;Bocka av (Enter)</translation>
    </message>
    <message>
        <source>&amp;Remove the tick</source>
        <translation>&amp;Ta bort bocken</translation>
    </message>
    <message>
        <source>Ticked {time} by {officer}</source>
        <translation>Avbockat {time} av {officer}</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>hh:mm</source>
        <translation>tt:mm</translation>
    </message>
    <message>
        <source>Type 2142 or 21:42. + and − step a minute, Shift ten; Page Up and Page Down another day.</source>
        <translation>Skriv 2142 eller 21:42. + och − stegar en minut, med Skift tio; Page Up och Page Down byter dag.</translation>
    </message>
    <message>
        <source>Another day (Page Up, Page Down)</source>
        <translation>Annan dag (Page Up, Page Down)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>nu</translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>i går</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>name</source>
        <translation>namn</translation>
    </message>
    <message>
        <source>identity number</source>
        <translation>personnummer</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>födelsedatum</translation>
    </message>
    <message>
        <source>identity established by</source>
        <translation>identitet fastställd genom</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefon</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adress</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>belopp</translation>
    </message>
    <message>
        <source>what was agreed</source>
        <translation>vad som avtalades</translation>
    </message>
    <message>
        <source>time</source>
        <translation>tid</translation>
    </message>
    <message>
        <source>source</source>
        <translation>källa</translation>
    </message>
    <message>
        <source>room</source>
        <translation>rum</translation>
    </message>
    <message>
        <source>place</source>
        <translation>plats</translation>
    </message>
    <message>
        <source>income</source>
        <translation>inkomst</translation>
    </message>
    <message>
        <source>estimated age</source>
        <translation>uppskattad ålder</translation>
    </message>
    <message>
        <source>trafficking indicators</source>
        <translation>tecken på människohandel</translation>
    </message>
    <message>
        <source>note</source>
        <translation>anteckning</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>utfall</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Withdrawn: {what}. Reason: {reason}</source>
        <translation>Återtaget: {what}. Skäl: {reason}</translation>
    </message>
    <message>
        <source>Opened the record of {name}</source>
        <translation>Öppnade uppgifterna om {name}</translation>
    </message>
    <message>
        <source>Note: {text}</source>
        <translation>Anteckning: {text}</translation>
    </message>
    <message>
        <source>Support offered to {name}: {outcome}</source>
        <translation>Stöd erbjudet till {name}: {outcome}</translation>
    </message>
    <message>
        <source>Notice of suspicion given to {name}, rights explained</source>
        <translation>Underrättelse om misstanke till {name}, rättigheter upplysta</translation>
    </message>
    <message>
        <source>Hearing with {name} ({where})</source>
        <translation>Förhör med {name} ({where})</translation>
    </message>
    <message>
        <source>The buyer {answer} the summary penalty</source>
        <translation>Köparen {answer} strafföreläggandet</translation>
    </message>
    <message>
        <source>Ticked: {item}</source>
        <translation>Avbockat: {item}</translation>
    </message>
    <message>
        <source>Case opened: {place}</source>
        <translation>Ärende öppnat: {place}</translation>
    </message>
    <message>
        <source>seized</source>
        <translation>i beslag</translation>
    </message>
    <message>
        <source>Decision: {kind}, by {who}</source>
        <translation>Beslut: {kind}, av {who}</translation>
    </message>
    <message>
        <source>{count} day-fines of {amount}</source>
        <translation>{count} dagsböter à {amount}</translation>
    </message>
    <message>
        <source>conditional sentence</source>
        <translation>villkorlig dom</translation>
    </message>
    <message>
        <source>Linked ads: {count}</source>
        <translation>Kopplade annonser: {count}</translation>
    </message>
    <message>
        <source>Case {status}</source>
        <translation>Ärendet {status}</translation>
    </message>
    <message>
        <source>cleared: {fields}</source>
        <translation>tömt: {fields}</translation>
    </message>
    <message>
        <source>Correction of {what}: {changes}</source>
        <translation>Rättelse av {what}: {changes}</translation>
    </message>
    <message>
        <source>Opened a photo</source>
        <translation>Öppnade ett foto</translation>
    </message>
    <message>
        <source>Photo of the seized money attached</source>
        <translation>Foto av de beslagtagna pengarna bifogat</translation>
    </message>
    <message>
        <source>Photo attached</source>
        <translation>Foto bifogat</translation>
    </message>
    <message>
        <source>Purged from the laptop that recorded it ({count} events); kept here</source>
        <translation>Rensat från datorn där det registrerades ({count} händelser); finns kvar här</translation>
    </message>
    <message>
        <source>note on the identity</source>
        <translation>anteckning om identiteten</translation>
    </message>
    <message>
        <source>identity document</source>
        <translation>id-handling</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>medborgarskap</translation>
    </message>
    <message>
        <source>civil status</source>
        <translation>civilstånd</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-post</translation>
    </message>
    <message>
        <source>language</source>
        <translation>språk</translation>
    </message>
    <message>
        <source>interpreter needed</source>
        <translation>behöver tolk</translation>
    </message>
    <message>
        <source>interpreter&apos;s language</source>
        <translation>tolkspråk</translation>
    </message>
    <message>
        <source>interpreter</source>
        <translation>tolk</translation>
    </message>
    <message>
        <source>interpreter used</source>
        <translation>tolk användes</translation>
    </message>
    <message>
        <source>possibly under 18</source>
        <translation>möjligen under 18</translation>
    </message>
    <message>
        <source>relation to the case</source>
        <translation>koppling till ärendet</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>slag</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>valuta</translation>
    </message>
    <message>
        <source>observed by</source>
        <translation>iakttaget av</translation>
    </message>
    <message>
        <source>money seized</source>
        <translation>pengarna beslagtagna</translation>
    </message>
    <message>
        <source>seizure</source>
        <translation>beslag</translation>
    </message>
    <message>
        <source>kind of place</source>
        <translation>typ av plats</translation>
    </message>
    <message>
        <source>municipality</source>
        <translation>kommun</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>inträde</translation>
    </message>
    <message>
        <source>end</source>
        <translation>slut</translation>
    </message>
    <message>
        <source>officers present</source>
        <translation>närvarande poliser</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>kontakt</translation>
    </message>
    <message>
        <source>offered at</source>
        <translation>erbjudet</translation>
    </message>
    <message>
        <source>offered by</source>
        <translation>erbjudet av</translation>
    </message>
    <message>
        <source>leaflet language</source>
        <translation>broschyrens språk</translation>
    </message>
    <message>
        <source>person</source>
        <translation>person</translation>
    </message>
    <message>
        <source>buyer</source>
        <translation>köpare</translation>
    </message>
    <message>
        <source>where</source>
        <translation>var</translation>
    </message>
    <message>
        <source>by</source>
        <translation>av</translation>
    </message>
    <message>
        <source>suspicion</source>
        <translation>misstanke</translation>
    </message>
    <message>
        <source>rights explained</source>
        <translation>rättigheter upplysta</translation>
    </message>
    <message>
        <source>lawyer requested</source>
        <translation>begär försvarare</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>beslut</translation>
    </message>
    <message>
        <source>decided by</source>
        <translation>beslutat av</translation>
    </message>
    <message>
        <source>role of the decider</source>
        <translation>beslutsfattarens roll</translation>
    </message>
    <message>
        <source>how the decision came</source>
        <translation>hur beslutet kom</translation>
    </message>
    <message>
        <source>sanction</source>
        <translation>påföljd</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>svar</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>linked ads</source>
        <translation>kopplade annonser</translation>
    </message>
    <message>
        <source>another detail</source>
        <translation>en annan uppgift</translation>
    </message>
    <message>
        <source>Buyer added: {name}</source>
        <translation>Köpare tillagd: {name}</translation>
    </message>
    <message>
        <source>Seller added: {name}</source>
        <translation>Säljare tillagd: {name}</translation>
    </message>
    <message>
        <source>Witness added: {name}</source>
        <translation>Vittne tillagt: {name}</translation>
    </message>
    <message>
        <source>Added: {name}</source>
        <translation>Tillagd: {name}</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>rec. {time}</source>
        <translation>reg. {time}</translation>
    </message>
</context>
<context>
    <name>TipActions</name>
    <message>
        <source>Withdraw from the &amp;list…</source>
        <translation>Ta tillbaka från &amp;listan…</translation>
    </message>
    <message>
        <source>Withdraw the tip?</source>
        <translation>Ta tillbaka tipset?</translation>
    </message>
    <message>
        <source>With&amp;draw the tip</source>
        <translation>Ta till&amp;baka tipset</translation>
    </message>
</context>
<context>
    <name>TipForm</name>
    <message>
        <source>if not in the directory: e.g. anonymous caller</source>
        <translation>om inte i katalogen: t.ex. anonym uppringare</translation>
    </message>
    <message>
        <source>&amp;Or from</source>
        <translation>&amp;Eller från</translation>
    </message>
    <message>
        <source>Ho&amp;w</source>
        <translation>H&amp;ur</translation>
    </message>
    <message>
        <source>what was said: who, where, when</source>
        <translation>vad som sades: vem, var, när</translation>
    </message>
    <message>
        <source>The tip is recorded.</source>
        <translation>Tipset är registrerat.</translation>
    </message>
    <message>
        <source>Recei&amp;ved</source>
        <translation>Mot&amp;taget</translation>
    </message>
    <message>
        <source>Fro&amp;m (directory)</source>
        <translation>&amp;Från (katalogen)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Vad</translation>
    </message>
    <message>
        <source>Cas&amp;e</source>
        <translation>&amp;Kopplat ärende</translation>
    </message>
</context>
<context>
    <name>TipsModel</name>
    <message>
        <source>Received</source>
        <translation>Mottaget</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hur</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
</context>
<context>
    <name>TipsTab</name>
    <message>
        <source>A tip came in</source>
        <translation>Ett tips kom in</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>Tips</translation>
    </message>
    <message>
        <source>Tips in the county, newest first</source>
        <translation>Tips i länet, senaste först</translation>
    </message>
    <message>
        <source>No tips yet.</source>
        <translation>Inga tips ännu.</translation>
    </message>
    <message>
        <source>T&amp;ie</source>
        <translation>K&amp;oppla</translation>
    </message>
    <message>
        <source>— not in the directory —</source>
        <translation>— inte i katalogen —</translation>
    </message>
    <message>
        <source>— none yet —</source>
        <translation>— inget ännu —</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— inget —</translation>
    </message>
    <message>
        <source>Choose a tip in the list first.</source>
        <translation>Välj ett tips i listan först.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
    <message>
        <source>Record the ti&amp;p (Enter)</source>
        <translation>Registrera tipset (Enter)</translation>
    </message>
    <message>
        <source>Tie the chose&amp;n tip to case</source>
        <translation>Koppla valt tips till ä&amp;rende</translation>
    </message>
</context>
<context>
    <name>WhenField</name>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>The log keeps it with the reason; the lists and the report no longer show it.</source>
        <translation>Loggen behåller den med skälet; listorna och rapporten visar den inte längre.</translation>
    </message>
    <message>
        <source>e.g. entered twice, closed down</source>
        <translation>t.ex. inlagd två gånger, nedlagt</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Skäl</translation>
    </message>
    <message>
        <source>Give the reason: the log keeps it.</source>
        <translation>Ange skälet: loggen sparar det.</translation>
    </message>
</context>
<context>
    <name>WitnessForm</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>e.g. night porter</source>
        <translation>t.ex. nattportier</translation>
    </message>
    <message>
        <source>&amp;Relation</source>
        <translation>&amp;Relation</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN</source>
        <translation>ÅÅÅÅMMDD-NNNN</translation>
    </message>
    <message>
        <source>&amp;Identity number</source>
        <translation>&amp;Personnummer</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adress</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>Ante&amp;ckning</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Agreement</source>
        <translation>Överenskommelse</translation>
    </message>
    <message>
        <source>Stated price</source>
        <translation>Angivet pris</translation>
    </message>
    <message>
        <source>Payment handed over</source>
        <translation>Överlämnad betalning</translation>
    </message>
    <message>
        <source>Act begun</source>
        <translation>Handling påbörjad</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>iakttaget</translation>
    </message>
    <message>
        <source>overheard</source>
        <translation>hört</translation>
    </message>
    <message>
        <source>message (text, chat)</source>
        <translation>meddelande (sms, chatt)</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>uppgift</translation>
    </message>
    <message>
        <source>the ad</source>
        <translation>annonsen</translation>
    </message>
    <message>
        <source>said aloud</source>
        <translation>muntligt</translation>
    </message>
    <message>
        <source>found (left by the buyer)</source>
        <translation>påträffat (lämnat av köparen)</translation>
    </message>
    <message>
        <source>Completed offence</source>
        <translation>Fullbordat brott</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Försök</translation>
    </message>
    <message>
        <source>Not enough yet</source>
        <translation>Underlaget räcker inte än</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>fullbordat</translation>
    </message>
    <message>
        <source>attempt</source>
        <translation>försök</translation>
    </message>
    <message>
        <source>not enough</source>
        <translation>räcker inte</translation>
    </message>
    <message>
        <source>County practice: agreement, stated price and payment handed over</source>
        <translation>Länets praxis: överenskommelse, angivet pris och överlämnad betalning</translation>
    </message>
    <message>
        <source>Case law: agreement, stated price and the act begun</source>
        <translation>Rättspraxis: överenskommelse, angivet pris och påbörjad handling</translation>
    </message>
    <message>
        <source>Child case (BrB 6:9): report of concern at once, no summary penalty</source>
        <translation>Barnärende (BrB 6:9): orosanmälan genast, inget strafföreläggande</translation>
    </message>
    <message>
        <source>Signs of trafficking: coordinator, reflection period, investigators</source>
        <translation>Tecken på människohandel: regionkoordinator, betänketid, utredare</translation>
    </message>
    <message>
        <source>Suspect under 18: no advance approval</source>
        <translation>Misstänkt under 18 år: inget förhandsgodkännande</translation>
    </message>
    <message>
        <source>Seller is a foreign national: interpreter, Migrationsverket where relevant</source>
        <translation>Säljaren är utländsk medborgare: tolk, Migrationsverket vid behov</translation>
    </message>
    <message>
        <source>witness</source>
        <translation>vittne</translation>
    </message>
    <message>
        <source>injured party</source>
        <translation>målsägande</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>tackade ja</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>tackade nej</translation>
    </message>
    <message>
        <source>referred / handed over</source>
        <translation>hänvisad/överlämnad</translation>
    </message>
    <message>
        <source>not possible</source>
        <translation>inte möjligt</translation>
    </message>
    <message>
        <source>yes, accepted</source>
        <translation>ja, tackade ja</translation>
    </message>
    <message>
        <source>no, declined</source>
        <translation>nej, tackade nej</translation>
    </message>
    <message>
        <source>could not be offered</source>
        <translation>inte möjligt</translation>
    </message>
    <message>
        <source>hotel</source>
        <translation>hotell</translation>
    </message>
    <message>
        <source>apartment</source>
        <translation>lägenhet</translation>
    </message>
    <message>
        <source>vehicle</source>
        <translation>fordon</translation>
    </message>
    <message>
        <source>other</source>
        <translation>annat</translation>
    </message>
    <message>
        <source>open</source>
        <translation>öppet</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>avslutat</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>överlämnat</translation>
    </message>
    <message>
        <source>ID card</source>
        <translation>id-kort</translation>
    </message>
    <message>
        <source>driving licence</source>
        <translation>körkort</translation>
    </message>
    <message>
        <source>passport</source>
        <translation>pass</translation>
    </message>
    <message>
        <source>known before</source>
        <translation>känd sedan tidigare</translation>
    </message>
    <message>
        <source>other way</source>
        <translation>annat sätt</translation>
    </message>
    <message>
        <source>single</source>
        <translation>ensamstående</translation>
    </message>
    <message>
        <source>married</source>
        <translation>gift</translation>
    </message>
    <message>
        <source>cohabiting</source>
        <translation>sambo</translation>
    </message>
    <message>
        <source>partner living elsewhere</source>
        <translation>särbo</translation>
    </message>
    <message>
        <source>divorced</source>
        <translation>skild</translation>
    </message>
    <message>
        <source>widowed</source>
        <translation>änkling/änka</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>okänt</translation>
    </message>
    <message>
        <source>No ID, or a false one</source>
        <translation>Saknar id-handling, eller falsk</translation>
    </message>
    <message>
        <source>Cannot say who receives the money or how to reach them</source>
        <translation>Kan inte säga vem som tar emot pengarna eller hur de nås</translation>
    </message>
    <message>
        <source>Controlled by phone calls</source>
        <translation>Styrs via telefonsamtal</translation>
    </message>
    <message>
        <source>Unexplained absences</source>
        <translation>Oförklarad frånvaro</translation>
    </message>
    <message>
        <source>Unexplained money</source>
        <translation>Oförklarade pengar</translation>
    </message>
    <message>
        <source>Links to a criminal network</source>
        <translation>Kopplingar till kriminellt nätverk</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>prosecutor</source>
        <translation>åklagare</translation>
    </message>
    <message>
        <source>investigation leader</source>
        <translation>förundersökningsledare</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>per telefon</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>på plats</translation>
    </message>
    <message>
        <source>advance approval of summary penalty</source>
        <translation>förhandsgodkännande av strafföreläggande</translation>
    </message>
    <message>
        <source>summary penalty order</source>
        <translation>strafföreläggande</translation>
    </message>
    <message>
        <source>ordinary prosecution</source>
        <translation>åtalsprövning</translation>
    </message>
    <message>
        <source>no action</source>
        <translation>ingen åtgärd</translation>
    </message>
    <message>
        <source>accepts</source>
        <translation>godkänner</translation>
    </message>
    <message>
        <source>declines</source>
        <translation>godkänner inte</translation>
    </message>
    <message>
        <source>Prosecutor on duty</source>
        <translation>Jourhavande åklagare</translation>
    </message>
    <message>
        <source>Social services on call</source>
        <translation>Socialjouren</translation>
    </message>
    <message>
        <source>Support for the seller</source>
        <translation>Stöd till säljaren</translation>
    </message>
    <message>
        <source>Support for the buyer</source>
        <translation>Stöd till köparen</translation>
    </message>
    <message>
        <source>Trafficking helpline</source>
        <translation>Stödtelefon människohandel</translation>
    </message>
    <message>
        <source>Regional coordinator</source>
        <translation>Regionkoordinator</translation>
    </message>
    <message>
        <source>Migrationsverket</source>
        <translation>Migrationsverket</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Tolk</translation>
    </message>
    <message>
        <source>Police tip line</source>
        <translation>Polisens tipsnummer</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Nödnummer</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <source>operation leader</source>
        <translation>insatsledare</translation>
    </message>
    <message>
        <source>field officer</source>
        <translation>fältpolis</translation>
    </message>
    <message>
        <source>investigator</source>
        <translation>utredare</translation>
    </message>
    <message>
        <source>station staff</source>
        <translation>stationspersonal</translation>
    </message>
    <message>
        <source>social worker</source>
        <translation>socialsekreterare</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Köpare</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Säljare</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Vittne</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Offence element</source>
        <translation>Brottsrekvisit</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Support offered</source>
        <translation>Stöd erbjudet</translation>
    </message>
    <message>
        <source>Notice of suspicion</source>
        <translation>Underrättelse om misstanke</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>Förhör</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Buyer&apos;s answer</source>
        <translation>Köparens svar</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <source>Income {income} − costs {costs} + benefits {benefits} = {total} kr</source>
        <translation>Inkomst {income} − kostnader {costs} + förmåner {benefits} = {total} kr</translation>
    </message>
    <message>
        <source>Minus 20 % of {excess} kr above the state-tax threshold {threshold} kr</source>
        <translation>Minus 20 % av {excess} kr över skiktgränsen {threshold} kr</translation>
    </message>
    <message>
        <source>Minus ½ prisbasbelopp × {children} children: {deduction} kr</source>
        <translation>Minus ½ prisbasbelopp × {children} barn: {deduction} kr</translation>
    </message>
    <message>
        <source>Minus {deduction} kr for a spouse without income</source>
        <translation>Minus {deduction} kr för make/maka utan inkomst</translation>
    </message>
    <message>
        <source>Remainder: {remainder} kr</source>
        <translation>Återstår: {remainder} kr</translation>
    </message>
    <message>
        <source>1/1000 of the remainder, rounded down: {amount} kr</source>
        <translation>1/1000 av återstoden, avrundat nedåt: {amount} kr</translation>
    </message>
    <message>
        <source>Debt restructuring: {base} kr + payment-free amount {payment_free} kr / 365</source>
        <translation>Skuldsanering: {base} kr + förbehållsbelopp {payment_free} kr / 365</translation>
    </message>
    <message>
        <source>Raised to the minimum {amount} kr</source>
        <translation>Höjt till lägsta belopp {amount} kr</translation>
    </message>
    <message>
        <source>Wealth addition: +{addition} kr</source>
        <translation>Förmögenhetstillägg: +{addition} kr</translation>
    </message>
    <message>
        <source>Capped at the maximum {amount} kr</source>
        <translation>Sänkt till högsta belopp {amount} kr</translation>
    </message>
    <message>
        <source>Day-fine amount: {amount} kr</source>
        <translation>Dagsbotsbelopp: {amount} kr</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
</context>
<context>
    <name>_RowActions</name>
    <message>
        <source>First choose one in the list.</source>
        <translation>Välj först en rad i listan.</translation>
    </message>
</context>
<context>
    <name>_ViewerBase</name>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
</context>
</TS>
