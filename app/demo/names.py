"""Who comes to the demo district and how their names are written.

Each name is given as ``"Mohammed/Muhammad/Mohamad/Mohamed=محمد"``: the Latin
transliterations a German office meets (most common first), then the name in its own
script. Family names that change with sex are written ``"Ivanov=Иванов|Ivanova=Иванова"``.
The mix of countries, languages and statuses follows DOMAIN.md section 5 roughly; it is
meant to look like a real front desk, not to be a statistic.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.codes import LegalStatus as S


@dataclass(frozen=True)
class NameForms:
    """One name in all the ways it is written."""

    latin: tuple[str, ...]
    original: str = ""
    feminine: NameForms | None = None

    def for_sex(self, female: bool) -> NameForms:
        return self.feminine if female and self.feminine else self


def parse_name(spec: str) -> NameForms:
    masculine, _, feminine = spec.partition("|")
    latin, _, original = masculine.partition("=")
    return NameForms(tuple(latin.split("/")), original,
                     parse_name(feminine) if feminine else None)


def names(*specs: str) -> tuple[NameForms, ...]:
    return tuple(parse_name(spec) for spec in specs)


@dataclass(frozen=True)
class Origin:
    """A group of people with the same country, languages and naming customs."""

    key: str
    weight: int  # share of households
    nationalities: tuple[tuple[str, int], ...]  # ISO 3166-1 alpha-2 (XX, UN: codes.py), weight
    script: str  # ISO 15924 of the original spelling
    languages: tuple[tuple[str, float], ...]  # code, share of people who speak it
    male: tuple[NameForms, ...]
    female: tuple[NameForms, ...]
    family: tuple[NameForms, ...]
    birth_places: tuple[str, ...]
    statuses: tuple[tuple[S, int], ...]
    arrival: tuple[int, int]  # first and last year of arrival
    without_family_name: float = 0.0  # share of households registered with given names only
    spouse_keeps_name: bool = False  # married women keep their own family name
    placeholder_birth_dates: float = 0.04  # share of "01.01.YYYY" dates of birth


# --- names ----------------------------------------------------------------------------------

ARABIC_MALE = names(
    "Mohammed/Muhammad/Mohamad/Mohamed=محمد", "Ahmad/Ahmed=أحمد",
    "Abdullah/Abdallah/Abdulla=عبدالله", "Yusuf/Youssef/Yousef/Yousif=يوسف", "Omar/Umar=عمر",
    "Khaled/Khalid=خالد", "Ali=علي", "Hussein/Hussain/Husein=حسين", "Mahmoud/Mahmud=محمود",
    "Ibrahim/Ebrahim=إبراهيم", "Mustafa/Moustafa/Mostafa=مصطفى", "Hamza/Hamzah=حمزة",
    "Karim/Kareem=كريم", "Tarek/Tariq/Tarik=طارق", "Bilal=بلال", "Samir/Sameer=سمير",
    "Rami=رامي", "Jamal/Gamal=جمال", "Walid/Waleed=وليد",
    "Abdulrahman/Abdul Rahman/Abdelrahman=عبد الرحمن", "Hassan/Hasan=حسن", "Anas=أنس",
    "Firas=فراس", "Haidar/Haider/Hayder=حيدر", "Ammar=عمار", "Zaid/Zayd=زيد", "Saif/Sayf=سيف",
)
ARABIC_FEMALE = names(
    "Fatima/Fatma/Fatimah=فاطمة", "Aisha/Aischa/Aysha=عائشة", "Mariam/Maryam/Meryem=مريم",
    "Nour/Noor/Nur=نور", "Zainab/Zeinab/Zaynab=زينب", "Amal=أمل", "Rania/Ranya=رانيا",
    "Huda/Houda=هدى", "Layla/Leila/Laila=ليلى", "Salma=سلمى", "Hala=هالة", "Rasha=رشا",
    "Yasmin/Yasmine/Jasmin=ياسمين", "Sara/Sarah=سارة", "Lina=لينا", "Dima=ديما", "Rahaf=رهف",
    "Asmaa/Asma=أسماء", "Reem/Rim=ريم", "Ghada=غادة", "Zahraa/Zahra=زهراء", "Shahad=شهد",
)
SYRIAN_FAMILY = names(
    "Al-Hassan/Alhasan/Hasan/El-Hassan=الحسن", "Al-Ahmad/Alahmad=الأحمد", "Khalil/Khaleel=خليل",
    "Haddad=حداد", "Al-Ali/Alali=العلي", "Mansour/Mansur=منصور", "Nasser/Nasir/Naser=ناصر",
    "Saleh/Salih=صالح", "Hamdan=حمدان", "Darwish/Derwisch=درويش",
    "Al-Khatib/Alkhatib/Al Khatib=الخطيب", "Youssef/Yusuf/Yousef=يوسف", "Ibrahim=إبراهيم",
    "Abdullah/Abdallah=عبدالله", "Al-Hussein/Alhussein/Al-Hussain=الحسين",
    "Othman/Osman/Uthman=عثمان", "Kassem/Qasim/Kasim=قاسم", "Sabbagh=صباغ",
    "Al-Masri/Almasri/El-Masri=المصري", "Shaheen/Shahin=شاهين", "Al-Hamoud/Alhamoud=الحمود",
    "Al-Mohammad/Almohammad/Al-Mohamad=المحمد", "Al-Kurdi/Alkurdi/Kurdi=الكردي",
)
IRAQI_FAMILY = names(
    "Al-Jubouri/Aljubouri/Al-Jabouri=الجبوري", "Al-Obaidi/Alobaidi/Al-Ubaidi=العبيدي",
    "Al-Dulaimi/Aldulaimi=الدليمي", "Al-Tamimi/Altamimi=التميمي", "Al-Saadi/Alsaadi=الساعدي",
    "Hussein/Hussain=حسين", "Abbas=عباس", "Jasim/Jassim/Jasem=جاسم", "Kadhim/Kazem/Kazim=كاظم",
    "Al-Shammari/Alshammari=الشمري", "Al-Hassan/Alhasan/Hasan=الحسن",
)
KURDISH_MALE = names(
    "Azad=ئازاد", "Baran=باران", "Sherwan/Shirwan/Şêrwan=شێروان", "Dilshad/Dilşad=دلشاد",
    "Kawa/Kaveh=کاوە", "Hozan=هۆزان", "Rezan", "Jiwan/Ciwan/Dschiwan=جوان", "Rojhat", "Welat",
    "Ahmad/Ahmed=ئەحمەد", "Khalil/Xelil=خەلیل",
)
KURDISH_FEMALE = names(
    "Berivan/Bêrîvan", "Dilan=دیلان", "Rojda", "Hevin/Hêvîn", "Jiyan/Zhiyan=ژیان",
    "Shilan/Şîlan=شیلان", "Avin/Aveen=ئاڤین", "Rozhin/Rojin=ڕۆژین", "Nasrin/Nesrin=نەسرین",
    "Zozan", "Evin/Evîn",
)
KURDISH_FAMILY = names(
    "Sheikho/Şêxo/Scheicho=شيخو", "Hamo/Hammo=حمو", "Ahmad/Ahmed=أحمد", "Hussein/Husein=حسين",
    "Osman/Othman=عثمان", "Ibrahim=إبراهيم", "Mustafa/Mistefa=مصطفى", "Khalaf/Khalef=خلف",
    "Murad/Mourad=مراد", "Haji/Hajji=حجي", "Qadir/Kadir/Qader=قادر", "Aziz=عزيز",
    "Karim/Kareem=کەریم", "Rasul/Rasool", "Faraj/Farag=فرج",
)
DARI_MALE = names(
    "Mohammad/Mohammed/Muhammad/Mohamad=محمد", "Ahmad/Ahmed=احمد", "Ali=علی",
    "Hamid/Hameed=حمید", "Farid/Fareed=فرید", "Rahim/Raheem=رحیم", "Mirwais/Mirwaiz=میرویس",
    "Jawad/Javad=جواد", "Sayed/Sayyid/Said=سید", "Abdul Wahid/Abdulwahid=عبدالواحد",
    "Najibullah/Najibulla/Nadschibullah=نجیب الله", "Rahmatullah/Rahmatulla=رحمت الله",
    "Mustafa/Mostafa=مصطفی", "Hassan/Hasan=حسن", "Hussain/Hossein/Hussein=حسین",
    "Naser/Nasir=ناصر", "Karim=کریم", "Habib=حبیب", "Elyas/Ilyas/Elias=الیاس",
    "Masoud/Massoud/Masud=مسعود", "Shafiq/Schafiq=شفیق", "Jamshid/Dschamschid=جمشید",
    "Sohrab=سهراب",
)
DARI_FEMALE = names(
    "Fatima/Fatema=فاطمه", "Maryam/Mariam=مریم", "Zahra/Sahra=زهرا", "Shabnam/Schabnam=شبنم",
    "Parwana/Parvana=پروانه", "Farzana=فرزانه", "Mursal=مرسل", "Nazia=نازیه",
    "Sakina/Sakineh=سکینه", "Freshta/Fereshta/Fereshteh=فرشته", "Habiba=حبیبه",
    "Laila/Leila/Layla=لیلا", "Madina/Medina=مدینه", "Mahbooba/Mahbuba=محبوبه",
    "Somaya/Sumaya=سمیه", "Marzia/Marziyeh=مرضیه", "Nilofar/Nilufar/Niloufar=نیلوفر",
)
DARI_FAMILY = names(
    "Ahmadi=احمدی", "Rahimi=رحیمی", "Hakimi=حکیمی", "Karimi=کریمی", "Sultani/Soltani=سلطانی",
    "Hashimi/Hashemi=هاشمی", "Noori/Nuri/Nouri=نوری", "Mohammadi/Muhammadi=محمدی",
    "Haidari/Heidari/Haydari=حیدری", "Amiri=امیری", "Azizi=عزیزی",
    "Jafari/Jafary/Dschafari=جعفری", "Sadat=سادات", "Rezaei/Rezai=رضایی",
    "Hosseini/Husseini=حسینی", "Nazari=نظری", "Sharifi/Scharifi=شریفی",
    "Qaderi/Kaderi/Ghaderi=قادری",
)
PASHTO_MALE = names(
    "Gul Ahmad=گل احمد", "Mirwais/Mirwaiz=میرویس", "Zabihullah/Sabiullah=ذبیح الله",
    "Wahidullah/Wahidulla=وحید الله", "Ajmal=اجمل", "Bilal=بلال",
    "Samiullah/Samiulla=سمیع الله", "Naqibullah/Nakibullah=نقیب الله",
    "Sher Khan/Scher Khan=شیر خان", "Hekmatullah/Hikmatullah=حکمت الله",
    "Asadullah/Asadulla=اسد الله", "Ismail/Esmail=اسماعیل",
    "Mohammad/Mohammed/Muhammad=محمد", "Khan Mohammad/Khan Mohammed=خان محمد",
)
PASHTO_FEMALE = names(
    "Gulalai/Gulalay=ګلالۍ", "Malalai/Malalay=ملالۍ", "Palwasha/Palwascha=پلوشه",
    "Zarghuna/Zarghona=زرغونه", "Nazo/Naso=نازو", "Shukria/Shukriya=شکریه",
    "Bibi Gul=بی بی گل", "Spozhmai/Spojmai=سپوږمۍ", "Fatima/Fatema=فاطمه",
)
PASHTO_FAMILY = names(
    "Stanikzai/Stanekzai=ستانکزی", "Popal/Popalzai=پوپل", "Safi=صافی", "Wardak/Wardag=وردک",
    "Yusufzai/Yousafzai=یوسفزی", "Ahmadzai=احمدزی", "Mohmand/Momand=مومند", "Durrani=درانی",
    "Khan=خان", "Shinwari/Schinwari=شینواری", "Niazi=نیازی", "Zadran=ځدراڼ",
)
PERSIAN_MALE = names(
    "Reza=رضا", "Mehdi/Mahdi=مهدی", "Amir=امیر", "Hossein/Hosein/Hussein=حسین", "Ali=علی",
    "Saeed/Said/Saeid=سعید", "Behnam=بهنام", "Arash=آرش", "Dariush/Daryoush/Dariusch=داریوش",
    "Omid=امید", "Mohammad Reza/Mohammadreza=محمدرضا", "Babak=بابک", "Kian=کیان",
)
PERSIAN_FEMALE = names(
    "Zahra=زهرا", "Maryam=مریم", "Shirin/Schirin=شیرین", "Nasrin=نسرین", "Parisa=پریسا",
    "Niloufar/Nilufar=نیلوفر", "Azadeh/Azade=آزاده", "Fatemeh/Fatima=فاطمه", "Mina=مینا",
    "Leila=لیلا", "Sahar=سحر", "Elham=الهام", "Roya=رویا",
)
PERSIAN_FAMILY = names(
    "Mohammadi=محمدی", "Hosseini/Husseini=حسینی", "Rezaei/Rezaie/Rezai=رضایی", "Ahmadi=احمدی",
    "Moradi=مرادی", "Karimi=کریمی", "Jafari=جعفری", "Hashemi=هاشمی", "Rahimi=رحیمی",
    "Sadeghi/Sadeqi=صادقی", "Ebrahimi/Ibrahimi=ابراهیمی", "Ghorbani/Qorbani=قربانی",
    "Kazemi=کاظمی", "Tehrani=تهرانی", "Najafi/Nadschafi=نجفی",
)
UKRAINIAN_MALE = names(
    "Oleksandr/Aleksandr/Olexandr/Oleksander=Олександр", "Andrii/Andriy/Andrij=Андрій",
    "Dmytro/Dmitro/Dmitrij=Дмитро", "Serhii/Serhiy/Sergii/Serhij=Сергій", "Mykola/Mikola=Микола",
    "Volodymyr/Wolodymyr/Vladimir=Володимир", "Yurii/Yuriy/Jurij=Юрій", "Ivan/Iwan=Іван",
    "Vasyl/Wasyl=Василь", "Maksym/Maxim/Maksim=Максим", "Bohdan/Bogdan=Богдан", "Taras=Тарас",
    "Artem/Artjom=Артем", "Vitalii/Vitaliy/Witalij=Віталій", "Oleh/Oleg=Олег", "Petro=Петро",
    "Yevhen/Evgen/Jewgen/Yevgeniy=Євген", "Denys/Denis=Денис", "Roman=Роман",
    "Mykhailo/Mikhail/Mychajlo=Михайло",
)
UKRAINIAN_FEMALE = names(
    "Olena/Elena/Jelena=Олена", "Iryna/Irina=Ірина", "Nataliia/Natalia/Natalija=Наталія",
    "Tetiana/Tetyana/Tatiana/Tetjana=Тетяна", "Svitlana/Svetlana/Switlana=Світлана",
    "Oksana=Оксана", "Yuliia/Yulia/Julija=Юлія", "Anastasiia/Anastasia/Anastasija=Анастасія",
    "Kateryna/Katerina/Jekaterina=Катерина", "Mariia/Maria/Marija=Марія",
    "Viktoriia/Viktoria/Wiktorija=Вікторія", "Halyna/Galina=Галина",
    "Liudmyla/Lyudmila/Ljudmyla=Людмила", "Sofiia/Sofia/Sofija=Софія", "Daryna=Дарина",
    "Alina=Аліна", "Valentyna/Valentina/Walentyna=Валентина", "Polina=Поліна",
)
UKRAINIAN_FAMILY = names(
    "Shevchenko/Schewtschenko=Шевченко", "Kovalenko/Kowalenko=Коваленко",
    "Bondarenko=Бондаренко", "Tkachenko/Tkatschenko=Ткаченко",
    "Kravchenko/Krawtschenko=Кравченко", "Melnyk/Melnik=Мельник", "Boiko/Boyko/Bojko=Бойко",
    "Kovalchuk/Kowaltschuk=Ковальчук", "Oliinyk/Oleinik/Olijnyk=Олійник",
    "Lysenko/Lissenko=Лисенко", "Marchenko/Martschenko=Марченко",
    "Savchenko/Sawtschenko=Савченко", "Rudenko=Руденко", "Moroz=Мороз",
    "Polishchuk/Polischtschuk=Поліщук", "Kozak/Kosak=Козак",
    "Hrytsenko/Gritsenko/Hryzenko=Гриценко", "Tkachuk/Tkatschuk=Ткачук",
    "Shevchuk/Schewtschuk=Шевчук", "Pavlenko/Pawlenko=Павленко",
    "Kovalskyi/Kowalskyj=Ковальський|Kovalska/Kowalska=Ковальська",
    "Ivanov/Iwanow=Іванов|Ivanova/Iwanowa=Іванова",
)
RUSSIAN_MALE = names(
    "Aleksandr/Alexander/Alexandr=Александр", "Dmitrii/Dmitry/Dmitri=Дмитрий",
    "Sergei/Sergey/Sergej=Сергей", "Andrei/Andrey/Andrej=Андрей", "Mikhail/Michail=Михаил",
    "Ilya/Ilja=Илья", "Nikolai/Nikolay=Николай", "Pavel/Pawel=Павел",
    "Aleksei/Alexey/Alexej=Алексей",
)
RUSSIAN_FEMALE = names(
    "Elena/Jelena/Yelena=Елена", "Anna=Анна", "Natalia/Natalya/Natalja=Наталья", "Olga=Ольга",
    "Ekaterina/Yekaterina/Jekaterina=Екатерина", "Tatiana/Tatyana/Tatjana=Татьяна",
    "Irina=Ирина", "Svetlana/Swetlana=Светлана",
)
RUSSIAN_FAMILY = names(
    "Ivanov/Iwanow=Иванов|Ivanova/Iwanowa=Иванова",
    "Smirnov/Smirnow=Смирнов|Smirnova/Smirnowa=Смирнова",
    "Kuznetsov/Kusnezow=Кузнецов|Kuznetsova/Kusnezowa=Кузнецова",
    "Popov/Popow=Попов|Popova/Popowa=Попова", "Volkov/Wolkow=Волков|Volkova/Wolkowa=Волкова",
    "Sokolov/Sokolow=Соколов|Sokolova/Sokolowa=Соколова",
    "Morozov/Morosow=Морозов|Morozova/Morosowa=Морозова",
)
# Turkish, Albanian, Romanian and Somali are written in Latin letters; the "original" is the
# spelling with the language's own letters, which German records often lose.
TURKISH_MALE = names(
    "Hüseyin/Huseyin/Hueseyin=Hüseyin", "Mehmet/Mehmed=Mehmet", "Mustafa=Mustafa",
    "Ahmet/Ahmed=Ahmet", "Ali=Ali", "Ibrahim/İbrahim=İbrahim", "Emre=Emre", "Murat/Murad=Murat",
    "Hasan/Hassan=Hasan", "Yusuf/Yussuf=Yusuf", "Ömer/Omer/Oemer=Ömer", "Serkan=Serkan",
    "Burak=Burak", "Kadir=Kadir", "Osman=Osman", "Uğur/Ugur=Uğur", "Çağlar/Caglar=Çağlar",
)
TURKISH_FEMALE = names(
    "Ayşe/Ayse/Ayshe=Ayşe", "Fatma=Fatma", "Emine=Emine", "Zeynep/Zeinep=Zeynep", "Elif=Elif",
    "Hatice/Hatidsche=Hatice", "Özlem/Ozlem/Oezlem=Özlem", "Gülsüm/Gulsum/Guelsuem=Gülsüm",
    "Merve=Merve", "Büşra/Busra/Buesra=Büşra", "Songül/Songul=Songül", "Derya=Derya",
    "Şükran/Sukran/Schükran=Şükran",
)
TURKISH_FAMILY = names(
    "Yılmaz/Yilmaz=Yılmaz", "Kaya=Kaya", "Demir=Demir", "Şahin/Sahin/Schahin=Şahin",
    "Çelik/Celik/Tschelik=Çelik", "Yıldız/Yildiz=Yıldız", "Aydın/Aydin=Aydın",
    "Öztürk/Ozturk/Oeztuerk=Öztürk", "Arslan=Arslan", "Doğan/Dogan=Doğan",
    "Kılıç/Kilic=Kılıç", "Aslan=Aslan", "Polat=Polat", "Özdemir/Ozdemir/Oezdemir=Özdemir",
    "Erdoğan/Erdogan=Erdoğan", "Ekinci=Ekinci", "Tekin=Tekin", "Aktaş/Aktas=Aktaş",
)
TURKISH_KURDISH_MALE = names(
    "Azad=Azad", "Baran=Baran", "Rojhat=Rojhat", "Welat/Velat=Welat",
    "Şervan/Servan/Sherwan=Şervan", "Mehmet/Mehmed=Mehmet", "Hasan/Hassan=Hasan",
)
TURKISH_KURDISH_FEMALE = names(
    "Dilan=Dilan", "Rojda=Rojda", "Zozan=Zozan", "Hêvî/Hevi=Hêvî", "Evîn/Evin=Evîn",
    "Berîvan/Berivan=Berîvan", "Ayşe/Ayse=Ayşe",
)
TIGRINYA_MALE = names(
    "Tesfay/Tesfaye/Tesfai=ተስፋይ", "Yonas/Jonas=ዮናስ", "Yohannes/Yohanes/Johannes=ዮሃንስ",
    "Dawit/Dawid=ዳዊት", "Mehari/Mehary=መሓሪ", "Filmon/Filimon=ፊልሞን", "Samuel=ሳሙኤል",
    "Habtom=ሃብቶም", "Berhane/Berhan=በርሃነ", "Kidane=ኪዳነ", "Tekle/Teklay=ተኽለ",
    "Goitom=ጎይቶም", "Henok/Hanok=ሄኖክ", "Amanuel/Emanuel=ኣማኑኤል", "Biniam/Binyam=ቢንያም",
    "Mussie/Musie=ሙሴ",
)
TIGRINYA_FEMALE = names(
    "Helen=ሄለን", "Selam/Salam=ሰላም", "Senait/Senayt=ሰናይት", "Mebrat=መብራት", "Saba=ሳባ",
    "Lidya/Lydia=ሊድያ", "Ruta=ሩታ", "Feven/Fiven=ፌቨን", "Hiwet/Hewet=ሂወት", "Almaz=ኣልማዝ",
    "Tsega/Tsiga=ጸጋ", "Luwam=ሉዋም", "Yordanos=ዮርዳኖስ", "Winta=ዊንታ", "Semhar=ሰምሃር",
)
# Eritreans carry their father's and grandfather's names; German records file the father's
# name as the family name.
TIGRINYA_FAMILY = names(
    "Tesfay/Tesfaye=ተስፋይ", "Tekle=ተኽለ", "Gebremariam/Ghebremariam/Gebre Mariam=ገብረማርያም",
    "Gebremedhin/Ghebremedhin=ገብረመድህን", "Haile/Hayle=ሃይለ", "Kidane=ኪዳነ", "Berhe=በርሀ",
    "Woldu/Weldu=ወልዱ", "Abraham/Abreham=ኣብርሃም", "Habte=ሃብተ", "Mehari=መሓሪ",
    "Tesfamariam=ተስፋማርያም", "Yemane/Yemani=የማነ", "Russom/Rusom=ሩሶም",
)
SOMALI_MALE = names(
    "Mohamed/Mohammed/Muhammad=Maxamed", "Ahmed/Ahmad=Axmed",
    "Abdirahman/Abdurahman/Abdulrahman=Cabdiraxmaan", "Abdullahi/Abdillahi=Cabdullaahi",
    "Hassan/Hasan=Xasan", "Ali=Cali", "Omar/Umar=Cumar", "Yusuf/Yussuf=Yuusuf",
    "Ibrahim=Ibraahim", "Abdi=Cabdi", "Farah=Faarax", "Mohamud/Mahmoud=Maxamuud",
    "Hussein=Xuseen", "Abdikarim/Abdulkarim=Cabdikariim", "Liban=Liibaan",
)
SOMALI_FEMALE = names(
    "Hodan=Hodan", "Fadumo/Faduma/Fatima=Faadumo", "Amina/Aamina=Aamina", "Hawa/Hawo=Xaawo",
    "Sahra/Sahro/Zahra=Sahra", "Asha/Aasha=Caasha", "Ifrah/Ifra=Ifraax", "Nimco/Nimo=Nimco",
    "Sagal=Sagal", "Ubah/Ubax=Ubax", "Halima/Halimo=Xaliimo", "Khadija/Hadija=Khadiija",
    "Ayan=Ayaan", "Deeqa/Deka=Deeqa",
)
SOMALI_FAMILY = names(
    "Mohamed/Mohammed=Maxamed", "Ahmed=Axmed", "Hassan=Xasan", "Ali=Cali", "Abdi=Cabdi",
    "Farah=Faarax", "Warsame=Warsame", "Osman/Othman=Cismaan", "Jama/Jamaa=Jaamac",
    "Nur/Noor=Nuur", "Mohamud=Maxamuud", "Abdullahi=Cabdullaahi", "Aden/Adan=Aadan",
    "Omar=Cumar", "Yusuf=Yuusuf", "Hirsi=Xirsi",
)
ALBANIAN_MALE = names(
    "Arben", "Besnik", "Driton", "Fatmir", "Gezim/Gëzim=Gëzim", "Ilir", "Valon", "Agon",
    "Blerim", "Artan", "Enis", "Dardan", "Bekim", "Ermal", "Shkelzen/Shkëlzen=Shkëlzen",
)
ALBANIAN_FEMALE = names(
    "Arta", "Besa", "Drita", "Fjolla/Fjola=Fjolla", "Vjosa/Vjossa=Vjosa", "Albana", "Merita",
    "Lirije/Lirie=Lirije", "Donika", "Elira", "Blerta", "Kaltrina", "Teuta",
    "Mirelinda/Mirëlinda=Mirëlinda",
)
KOSOVAR_FAMILY = names(
    "Krasniqi/Krasnici=Krasniqi", "Gashi", "Berisha/Berischa=Berisha", "Morina",
    "Shala/Schala=Shala", "Hoxha/Hodscha/Hodza=Hoxha", "Bytyqi/Bytyci=Bytyqi", "Kelmendi",
    "Rexhepi/Redzepi=Rexhepi", "Hasani", "Ahmeti", "Sylejmani/Sulejmani=Sylejmani",
    "Thaci/Thaçi=Thaçi", "Kryeziu",
)
ALBANIAN_FAMILY = names(
    "Hoxha/Hodscha=Hoxha", "Shehu/Schehu=Shehu", "Dervishi/Derwischi=Dervishi", "Leka",
    "Cela/Çela=Çela", "Kola", "Prifti", "Muca/Muça=Muça", "Dema", "Bregu",
)
NIGERIAN_MALE = names(
    "Chukwuemeka", "Emeka", "Oluwaseun/Seun", "Babatunde/Tunde", "Chinedu",
    "Ifeanyi/Ifeanyichukwu", "Ibrahim", "Musa", "Samuel", "Daniel", "Godwin", "Uchenna/Uche",
    "Osaze", "Efosa", "Osagie",
)
NIGERIAN_FEMALE = names(
    "Chioma", "Ngozi", "Blessing", "Adaeze", "Funmilayo/Funmi", "Aishat/Aisha",
    "Oluwakemi/Kemi", "Esther", "Grace", "Precious", "Joy", "Osas", "Favour/Favor", "Gift",
)
NIGERIAN_FAMILY = names(
    "Okafor", "Okonkwo", "Adeyemi", "Eze", "Nwosu", "Ogunleye", "Bello", "Abubakar",
    "Adebayo", "Obi", "Osagie", "Igbinedion", "Omoregie", "Edosomwan", "Uzoma",
)
ROMANIAN_MALE = names(
    "Ion/Ioan=Ion", "Andrei", "Mihai/Mihail=Mihai", "Gheorghe/Georghe=Gheorghe", "Constantin",
    "Alexandru", "Florin", "Marian", "Stefan/Ștefan=Ștefan", "Nicolae/Nicolai=Nicolae",
    "Costel", "Vasile",
)
ROMANIAN_FEMALE = names(
    "Maria", "Elena", "Ioana", "Andreea", "Mihaela", "Florentina", "Georgiana", "Alina",
    "Ana-Maria/Ana Maria=Ana-Maria", "Roxana",
)
ROMANIAN_FAMILY = names(
    "Popescu", "Ionescu", "Stan", "Dumitru", "Constantin", "Popa", "Stoica", "Gheorghe", "Rusu",
    "Munteanu", "Lacatus/Lăcătuș=Lăcătuș", "Ciobanu", "Muresan/Mureșan=Mureșan",
    "Radulescu/Rădulescu=Rădulescu",
)
BULGARIAN_MALE = names(
    "Georgi/Georgiy/Georgij=Георги", "Ivan/Iwan=Иван", "Dimitar/Dimitur/Dimitri=Димитър",
    "Nikolay/Nikolai=Николай", "Stefan=Стефан", "Petar/Petur=Петър",
    "Hristo/Christo/Khristo=Христо", "Yordan/Jordan=Йордан", "Angel=Ангел",
    "Mehmed/Mehmet=Мехмед",
)
BULGARIAN_FEMALE = names(
    "Maria/Mariya=Мария", "Ivanka/Iwanka=Иванка", "Elena=Елена", "Yordanka/Jordanka=Йорданка",
    "Desislava/Dessislava=Десислава", "Gergana=Гергана", "Radka=Радка", "Ayshe/Ayse=Айше",
)
BULGARIAN_FAMILY = names(
    "Ivanov/Iwanow=Иванов|Ivanova/Iwanowa=Иванова",
    "Georgiev/Georgiew=Георгиев|Georgieva/Georgiewa=Георгиева",
    "Dimitrov/Dimitrow=Димитров|Dimitrova/Dimitrowa=Димитрова",
    "Petrov/Petrow=Петров|Petrova/Petrowa=Петрова",
    "Nikolov/Nikolow=Николов|Nikolova/Nikolowa=Николова",
    "Asenov/Assenow=Асенов|Asenova/Assenowa=Асенова",
    "Mehmedov/Mehmedow=Мехмедов|Mehmedova/Mehmedowa=Мехмедова",
)

# --- origins --------------------------------------------------------------------------------

_ASYLUM_MIX = ((S.ASYLUM_SEEKER, 30), (S.PROTECTED, 30), (S.TOLERATED, 15),
               (S.HUMANITARIAN_25_5, 10), (S.OTHER_PERMIT, 6), (S.SETTLED, 6), (S.UNKNOWN, 3))
_SYRIAN_MIX = ((S.PROTECTED, 55), (S.ASYLUM_SEEKER, 10), (S.HUMANITARIAN_25_5, 6),
               (S.SETTLED, 12), (S.OTHER_PERMIT, 12), (S.TOLERATED, 3), (S.UNKNOWN, 2))
_SYRIAN_PLACES = ("Aleppo", "Damaskus", "Homs", "Idlib", "Deir ez-Zor", "Hama", "Rakka",
                  "Latakia", "Daraa")
_AFGHAN_PLACES = ("Kabul", "Herat", "Masar-e Scharif", "Kandahar", "Dschalalabad", "Kundus",
                  "Ghazni", "Bamiyan")

ORIGINS: tuple[Origin, ...] = (
    Origin("ukraine", 30, (("UA", 97), ("UN", 1), ("RU", 2)), "Cyrl",
           (("uk", 1.0), ("ru", 0.7), ("en", 0.25)),
           UKRAINIAN_MALE, UKRAINIAN_FEMALE, UKRAINIAN_FAMILY,
           ("Kyjiw", "Charkiw", "Odesa", "Dnipro", "Saporischschja", "Mariupol", "Lwiw",
            "Cherson", "Mykolajiw", "Poltawa"),
           ((S.TEMPORARY_PROTECTION, 88), (S.OTHER_PERMIT, 4), (S.SETTLED, 3),
            (S.UNKNOWN, 4), (S.ASYLUM_SEEKER, 1)),
           (2022, 2026), placeholder_birth_dates=0.0),
    Origin("syria_arab", 18, (("SY", 88), ("XX", 8), ("UN", 4)), "Arab",
           (("ar", 1.0), ("en", 0.25), ("tr", 0.1)),
           ARABIC_MALE, ARABIC_FEMALE, SYRIAN_FAMILY, _SYRIAN_PLACES, _SYRIAN_MIX,
           (2014, 2025), spouse_keeps_name=True, placeholder_birth_dates=0.05),
    Origin("syria_kurdish", 5, (("SY", 85), ("XX", 10), ("UN", 5)), "Arab",
           (("kmr", 1.0), ("ar", 0.9), ("tr", 0.15)),
           KURDISH_MALE, KURDISH_FEMALE, KURDISH_FAMILY,
           ("Qamischli", "Hasaka", "Afrin", "Kobanê", "Amuda", "Aleppo"), _SYRIAN_MIX,
           (2014, 2025), spouse_keeps_name=True, placeholder_birth_dates=0.06),
    Origin("afghanistan_dari", 8, (("AF", 96), ("UN", 4)), "Arab",
           (("fa-AF", 1.0), ("ps", 0.2), ("en", 0.2), ("ur", 0.05)),
           DARI_MALE, DARI_FEMALE, DARI_FAMILY, _AFGHAN_PLACES, _ASYLUM_MIX, (2015, 2026),
           without_family_name=0.3, spouse_keeps_name=True, placeholder_birth_dates=0.3),
    Origin("afghanistan_pashto", 4, (("AF", 96), ("UN", 4)), "Arab",
           (("ps", 1.0), ("fa-AF", 0.5), ("en", 0.1), ("ur", 0.1)),
           PASHTO_MALE, PASHTO_FEMALE, PASHTO_FAMILY, _AFGHAN_PLACES, _ASYLUM_MIX,
           (2015, 2026), without_family_name=0.4, spouse_keeps_name=True,
           placeholder_birth_dates=0.35),
    Origin("iraq_arab", 4, (("IQ", 92), ("UN", 5), ("XX", 3)), "Arab",
           (("ar", 1.0), ("en", 0.2)),
           ARABIC_MALE, ARABIC_FEMALE, IRAQI_FAMILY,
           ("Bagdad", "Mossul", "Basra", "Kirkuk", "Falludscha", "Tikrit"),
           ((S.ASYLUM_SEEKER, 20), (S.TOLERATED, 25), (S.PROTECTED, 25),
            (S.HUMANITARIAN_25_5, 15), (S.SETTLED, 8), (S.OTHER_PERMIT, 5), (S.UNKNOWN, 2)),
           (2015, 2025), spouse_keeps_name=True, placeholder_birth_dates=0.08),
    Origin("iraq_kurdish", 4, (("IQ", 95), ("UN", 5)), "Arab",
           (("ckb", 1.0), ("ar", 0.4), ("kmr", 0.2), ("en", 0.2)),
           KURDISH_MALE, KURDISH_FEMALE, KURDISH_FAMILY,
           ("Erbil", "Sulaimaniyya", "Dohuk", "Sindschar", "Kirkuk", "Zaxo"),
           ((S.ASYLUM_SEEKER, 25), (S.TOLERATED, 25), (S.PROTECTED, 25),
            (S.HUMANITARIAN_25_5, 15), (S.SETTLED, 5), (S.OTHER_PERMIT, 5)),
           (2015, 2025), spouse_keeps_name=True, placeholder_birth_dates=0.08),
    Origin("turkey", 4, (("TR", 100),), "Latn",
           (("tr", 1.0), ("en", 0.2), ("de", 0.1)),
           TURKISH_MALE, TURKISH_FEMALE, TURKISH_FAMILY,
           ("Istanbul", "Ankara", "Izmir", "Gaziantep", "Konya", "Kayseri"),
           ((S.ASYLUM_SEEKER, 45), (S.PROTECTED, 20), (S.TOLERATED, 15),
            (S.OTHER_PERMIT, 10), (S.SETTLED, 8), (S.UNKNOWN, 2)),
           (2017, 2026)),
    Origin("turkey_kurdish", 4, (("TR", 100),), "Latn",
           (("kmr", 1.0), ("tr", 1.0), ("en", 0.1)),
           TURKISH_KURDISH_MALE, TURKISH_KURDISH_FEMALE, TURKISH_FAMILY,
           ("Diyarbakır", "Van", "Mardin", "Şanlıurfa", "Batman", "Hakkâri"),
           ((S.ASYLUM_SEEKER, 45), (S.PROTECTED, 20), (S.TOLERATED, 20),
            (S.OTHER_PERMIT, 10), (S.SETTLED, 5)),
           (2016, 2026)),
    Origin("iran", 3, (("IR", 100),), "Arab",
           (("fa", 1.0), ("en", 0.4), ("tr", 0.05)),
           PERSIAN_MALE, PERSIAN_FEMALE, PERSIAN_FAMILY,
           ("Teheran", "Maschhad", "Isfahan", "Schiras", "Täbris", "Ahvaz"),
           ((S.ASYLUM_SEEKER, 35), (S.PROTECTED, 35), (S.TOLERATED, 15),
            (S.OTHER_PERMIT, 10), (S.SETTLED, 5)),
           (2016, 2026), spouse_keeps_name=True),
    Origin("eritrea", 3, (("ER", 97), ("UN", 3)), "Ethi",
           (("ti", 1.0), ("en", 0.3), ("ar", 0.15)),
           TIGRINYA_MALE, TIGRINYA_FEMALE, TIGRINYA_FAMILY,
           ("Asmara", "Keren", "Massawa", "Mendefera", "Dekemhare"),
           ((S.PROTECTED, 55), (S.ASYLUM_SEEKER, 20), (S.HUMANITARIAN_25_5, 10),
            (S.SETTLED, 10), (S.OTHER_PERMIT, 5)),
           (2014, 2025), spouse_keeps_name=True, placeholder_birth_dates=0.25),
    Origin("somalia", 2, (("SO", 90), ("UN", 10)), "Latn",
           (("so", 1.0), ("ar", 0.2), ("en", 0.3)),
           SOMALI_MALE, SOMALI_FEMALE, SOMALI_FAMILY,
           ("Mogadischu", "Kismayo", "Baidoa", "Beledweyne", "Galkayo"),
           ((S.ASYLUM_SEEKER, 30), (S.PROTECTED, 30), (S.TOLERATED, 20),
            (S.HUMANITARIAN_25_5, 15), (S.UNKNOWN, 5)),
           (2015, 2025), spouse_keeps_name=True, placeholder_birth_dates=0.35),
    Origin("kosovo", 2, (("XK", 90), ("RS", 10)), "Latn",
           (("sq", 1.0), ("sr", 0.2), ("de", 0.3)),
           ALBANIAN_MALE, ALBANIAN_FEMALE, KOSOVAR_FAMILY,
           ("Pristina", "Prizren", "Peja", "Gjakova", "Mitrovica", "Ferizaj"),
           ((S.TOLERATED, 30), (S.OTHER_PERMIT, 50), (S.SETTLED, 15), (S.ASYLUM_SEEKER, 5)),
           (2014, 2024)),
    Origin("albania", 1, (("AL", 100),), "Latn",
           (("sq", 1.0), ("it", 0.2), ("en", 0.2)),
           ALBANIAN_MALE, ALBANIAN_FEMALE, ALBANIAN_FAMILY,
           ("Tirana", "Durrës", "Shkodra", "Elbasan", "Vlora"),
           ((S.ASYLUM_SEEKER, 30), (S.TOLERATED, 40), (S.OTHER_PERMIT, 30)),
           (2015, 2025)),
    Origin("nigeria", 2, (("NG", 100),), "Latn",
           (("en", 1.0), ("yo", 0.3), ("ig", 0.3), ("ha", 0.1)),
           NIGERIAN_MALE, NIGERIAN_FEMALE, NIGERIAN_FAMILY,
           ("Lagos", "Benin City", "Abuja", "Kano", "Enugu", "Ibadan"),
           ((S.ASYLUM_SEEKER, 40), (S.TOLERATED, 45), (S.HUMANITARIAN_25_5, 10),
            (S.OTHER_PERMIT, 5)),
           (2016, 2025), placeholder_birth_dates=0.1),
    Origin("romania", 2, (("RO", 100),), "Latn",
           (("ro", 1.0), ("en", 0.2), ("de", 0.2)),
           ROMANIAN_MALE, ROMANIAN_FEMALE, ROMANIAN_FAMILY,
           ("Bukarest", "Cluj-Napoca", "Iași", "Craiova", "Timișoara", "Constanța"),
           ((S.EU_CITIZEN, 100),), (2012, 2026), placeholder_birth_dates=0.0),
    Origin("bulgaria", 1, (("BG", 100),), "Cyrl",
           (("bg", 1.0), ("tr", 0.3), ("de", 0.15)),
           BULGARIAN_MALE, BULGARIAN_FEMALE, BULGARIAN_FAMILY,
           ("Sofia", "Plowdiw", "Warna", "Schumen", "Burgas"),
           ((S.EU_CITIZEN, 100),), (2012, 2026), placeholder_birth_dates=0.0),
    Origin("russia", 1, (("RU", 100),), "Cyrl",
           (("ru", 1.0), ("en", 0.4)),
           RUSSIAN_MALE, RUSSIAN_FEMALE, RUSSIAN_FAMILY,
           ("Moskau", "Sankt Petersburg", "Grosny", "Kasan", "Nowosibirsk"),
           ((S.ASYLUM_SEEKER, 50), (S.PROTECTED, 20), (S.OTHER_PERMIT, 20), (S.SETTLED, 10)),
           (2022, 2026), placeholder_birth_dates=0.0),
)
ORIGINS_BY_KEY = {origin.key: origin for origin in ORIGINS}

# Unaccompanied minors mostly come from these groups.
UNACCOMPANIED_ORIGINS = ("afghanistan_dari", "afghanistan_pashto", "syria_arab", "eritrea",
                         "somalia")

# German Staatsangehörigkeitsschlüssel: the suffix of a BAMF file number (Aktenzeichen).
NATIONALITY_KEYS = {
    "UA": "166", "SY": "475", "AF": "423", "IQ": "438", "TR": "163", "IR": "439",
    "ER": "224", "SO": "273", "XK": "150", "RS": "170", "AL": "121", "NG": "232",
    "RO": "134", "BG": "125", "RU": "160", "XX": "997", "UN": "998",
}

# --- where people live ----------------------------------------------------------------------

STREETS: dict[str, tuple[tuple[str, str], ...]] = {
    "Neuss": (
        ("Further Straße", "41462"), ("Venloer Straße", "41462"), ("Römerstraße", "41462"),
        ("Krefelder Straße", "41460"), ("Gladbacher Straße", "41460"), ("Erftstraße", "41460"),
        ("Hammer Landstraße", "41460"), ("Jülicher Landstraße", "41464"),
        ("Bergheimer Straße", "41464"), ("Kölner Straße", "41464"),
        ("Selikumer Straße", "41466"), ("Bonner Straße", "41468"),
        ("Norfer Kirchstraße", "41469"), ("Holzheimer Kirchstraße", "41472"),
        ("Grefrather Weg", "41470"),
    ),
    "Grevenbroich": (
        ("Bahnstraße", "41515"), ("Breite Straße", "41515"), ("Kölner Straße", "41515"),
        ("Montanusstraße", "41515"), ("Rheydter Straße", "41515"),
        ("Bergheimer Straße", "41515"), ("Hauptstraße", "41516"), ("Am Welchenberg", "41516"),
        ("Gustorfer Straße", "41517"),
    ),
    "Dormagen": (
        ("Kölner Straße", "41539"), ("Castellstraße", "41539"), ("Bahnhofstraße", "41539"),
        ("Marktplatz", "41539"), ("Knechtstedener Straße", "41540"),
        ("Salm-Reifferscheidt-Allee", "41540"), ("Schloßstraße", "41541"),
        ("Conrad-Schlaun-Straße", "41541"), ("Neusser Straße", "41542"),
    ),
    "Meerbusch": (
        ("Dorfstraße", "40667"), ("Düsseldorfer Straße", "40667"), ("Moerser Straße", "40667"),
        ("Hauptstraße", "40668"), ("Uerdinger Straße", "40668"), ("Hochstraße", "40670"),
        ("Kaarster Straße", "40670"),
    ),
    "Kaarst": (
        ("Neusser Straße", "41564"), ("Maubisstraße", "41564"), ("Am Schürkamp", "41564"),
        ("Alte Heerstraße", "41564"), ("Broicherdorfstraße", "41564"), ("Bruchweg", "41564"),
    ),
    "Korschenbroich": (
        ("Sebastianusstraße", "41352"), ("Rheydter Straße", "41352"), ("Hochstraße", "41352"),
        ("Don-Bosco-Straße", "41352"), ("Steinstraße", "41352"),
        ("Friedrich-Ebert-Straße", "41352"),
    ),
    "Jüchen": (
        ("Odenkirchener Straße", "41363"), ("Kölner Straße", "41363"),
        ("Bahnhofstraße", "41363"), ("Stadionstraße", "41363"), ("Weststraße", "41363"),
    ),
    "Rommerskirchen": (
        ("Bahnstraße", "41569"), ("Venloer Straße", "41569"), ("Giller Straße", "41569"),
        ("Kirchstraße", "41569"), ("Vanikumer Straße", "41569"),
    ),
}
# Rough population shares, so that Neuss has the most cases.
MUNICIPALITY_WEIGHTS = {"Neuss": 30, "Grevenbroich": 13, "Dormagen": 13, "Meerbusch": 11,
                        "Kaarst": 9, "Korschenbroich": 7, "Jüchen": 5, "Rommerskirchen": 4}
# Where children of the district are born.
GERMAN_BIRTH_PLACES = ("Neuss", "Neuss", "Grevenbroich", "Dormagen", "Düsseldorf",
                       "Mönchengladbach", "Köln")
