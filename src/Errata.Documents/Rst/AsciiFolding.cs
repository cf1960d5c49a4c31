namespace Errata.Documents.Rst;

/// <summary>
/// What remains of a character in ASCII after Unicode's compatibility decomposition (NFKD)
/// drops what has no ASCII form, as docutils' make_id keeps it: accented letters lose their
/// accents, ligatures and fractions spell out, fullwidth and styled letters become plain. Kept
/// as a table because the tool runs without ICU (invariant globalization), which normalises
/// nothing. Only characters that are already lower case are listed (make_id lowers first); a
/// value holds a-z and 0-9, with '-' for any other ASCII character (a separator to make_id,
/// upper-case letters included). Generated from Python's unicodedata (Unicode 14) over the BMP.
/// </summary>
internal static class AsciiFolding
{
    private const string Entries =
        "\u00a0- \u00a8- ªa \u00af- ²2 ³3 \u00b4- \u00b8- ¹1 ºo ¼14 ½12 ¾34 àa áa âa ãa äa åa çc èe ée "
        + "êe ëe ìi íi îi ïi ñn òo óo ôo õo öo ùu úu ûu üu ýy ÿy āa ăa ąa ćc ĉc ċc čc ďd ēe ĕe ėe ęe ěe ĝg "
        + "ğg ġg ģg ĥh ĩi īi ĭi įi ĳij ĵj ķk ĺl ļl ľl ŀl ńn ņn ňn ŉn ōo ŏo őo ŕr ŗr řr śs ŝs şs šs ţt ťt "
        + "ũu ūu ŭu ůu űu ųu ŵw ŷy źz żz žz ſs ơo ưu ǆdz ǉlj ǌnj ǎa ǐi ǒo ǔu ǖu ǘu ǚu ǜu ǟa ǡa ǧg ǩk ǫo ǭo "
        + "ǰj ǳdz ǵg ǹn ǻa ȁa ȃa ȅe ȇe ȉi ȋi ȍo ȏo ȑr ȓr ȕu ȗu șs țt ȟh ȧa ȩe ȫo ȭo ȯo ȱo ȳy ʰh ʲj ʳr ʷw "
        + "ʸy \u02d8- \u02d9- \u02da- \u02db- \u02dc- \u02dd- ˡl ˢs ˣx ͺ- ;- \u0384- \u0385- ᴬ- ᴮ- ᴰ- ᴱ- "
        + "ᴳ- ᴴ- ᴵ- ᴶ- ᴷ- ᴸ- ᴹ- ᴺ- ᴼ- ᴾ- ᴿ- ᵀ- ᵁ- ᵂ- ᵃa ᵇb ᵈd ᵉe ᵍg ᵏk ᵐm ᵒo ᵖp ᵗt ᵘu ᵛv ᵢi ᵣr ᵤu ᵥv ᶜc ᶠf "
        + "ᶻz ḁa ḃb ḅb ḇb ḉc ḋd ḍd ḏd ḑd ḓd ḕe ḗe ḙe ḛe ḝe ḟf ḡg ḣh ḥh ḧh ḩh ḫh ḭi ḯi ḱk ḳk ḵk ḷl ḹl ḻl ḽl "
        + "ḿm ṁm ṃm ṅn ṇn ṉn ṋn ṍo ṏo ṑo ṓo ṕp ṗp ṙr ṛr ṝr ṟr ṡs ṣs ṥs ṧs ṩs ṫt ṭt ṯt ṱt ṳu ṵu ṷu ṹu ṻu ṽv "
        + "ṿv ẁw ẃw ẅw ẇw ẉw ẋx ẍx ẏy ẑz ẓz ẕz ẖh ẗt ẘw ẙy ẚa ẛs ạa ảa ấa ầa ẩa ẫa ậa ắa ằa ẳa ẵa ặa ẹe ẻe "
        + "ẽe ếe ềe ểe ễe ệe ỉi ịi ọo ỏo ốo ồo ổo ỗo ộo ớo ờo ởo ỡo ợo ụu ủu ứu ừu ửu ữu ựu ỳy ỵy ỷy ỹy "
        + "\u1fbd- \u1fbf- \u1fc0- \u1fc1- \u1fcd- \u1fce- \u1fcf- \u1fdd- \u1fde- \u1fdf- \u1fed- \u1fee- "
        + "\u1fef- \u1ffd- \u1ffe- \u2000- \u2001- \u2002- \u2003- \u2004- \u2005- \u2006- \u2007- \u2008- "
        + "\u2009- \u200a- ‗- ․- ‥-- …--- \u202f- ‼-- ‾- ⁇-- ⁈-- ⁉-- \u205f- ⁰0 ⁱi ⁴4 ⁵5 ⁶6 ⁷7 ⁸8 ⁹9 ⁺- ⁼- "
        + "⁽- ⁾- ⁿn ₀0 ₁1 ₂2 ₃3 ₄4 ₅5 ₆6 ₇7 ₈8 ₉9 ₊- ₌- ₍- ₎- ₐa ₑe ₒo ₓx ₕh ₖk ₗl ₘm ₙn ₚp ₛs ₜt ₨-s ℀a-c "
        + "℁a-s ℂ- ℃- ℅c-o ℆c-u ℉- ℊg ℋ- ℌ- ℍ- ℎh ℐ- ℑ- ℒ- ℓl ℕ- №-o ℙ- ℚ- ℛ- ℜ- ℝ- ℠-- ℡--- ™-- ℤ- ℨ- ℬ- "
        + "ℭ- ℯe ℰ- ℱ- ℳ- ℴo ℹi ℻--- ⅅ- ⅆd ⅇe ⅈi ⅉj ⅐17 ⅑19 ⅒110 ⅓13 ⅔23 ⅕15 ⅖25 ⅗35 ⅘45 ⅙16 ⅚56 ⅛18 ⅜38 "
        + "⅝58 ⅞78 ⅟1 ⅰi ⅱii ⅲiii ⅳiv ⅴv ⅵvi ⅶvii ⅷviii ⅸix ⅹx ⅺxi ⅻxii ⅼl ⅽc ⅾd ⅿm ↉03 ≠- ≮- ≯- ①1 ②2 ③3 "
        + "④4 ⑤5 ⑥6 ⑦7 ⑧8 ⑨9 ⑩10 ⑪11 ⑫12 ⑬13 ⑭14 ⑮15 ⑯16 ⑰17 ⑱18 ⑲19 ⑳20 ⑴-1- ⑵-2- ⑶-3- ⑷-4- ⑸-5- ⑹-6- "
        + "⑺-7- ⑻-8- ⑼-9- ⑽-10- ⑾-11- ⑿-12- ⒀-13- ⒁-14- ⒂-15- ⒃-16- ⒄-17- ⒅-18- ⒆-19- ⒇-20- ⒈1- ⒉2- ⒊3- "
        + "⒋4- ⒌5- ⒍6- ⒎7- ⒏8- ⒐9- ⒑10- ⒒11- ⒓12- ⒔13- ⒕14- ⒖15- ⒗16- ⒘17- ⒙18- ⒚19- ⒛20- ⒜-a- ⒝-b- ⒞-c- "
        + "⒟-d- ⒠-e- ⒡-f- ⒢-g- ⒣-h- ⒤-i- ⒥-j- ⒦-k- ⒧-l- ⒨-m- ⒩-n- ⒪-o- ⒫-p- ⒬-q- ⒭-r- ⒮-s- ⒯-t- ⒰-u- ⒱-v- "
        + "⒲-w- ⒳-x- ⒴-y- ⒵-z- ⓐa ⓑb ⓒc ⓓd ⓔe ⓕf ⓖg ⓗh ⓘi ⓙj ⓚk ⓛl ⓜm ⓝn ⓞo ⓟp ⓠq ⓡr ⓢs ⓣt ⓤu ⓥv ⓦw ⓧx ⓨy "
        + "ⓩz ⓪0 ⩴--- ⩵-- ⩶--- ⱼj ⱽ- \u3000- \u309b- \u309c- \u3200-- \u3201-- \u3202-- \u3203-- \u3204-- "
        + "\u3205-- \u3206-- \u3207-- \u3208-- \u3209-- \u320a-- \u320b-- \u320c-- \u320d-- \u320e-- "
        + "\u320f-- \u3210-- \u3211-- \u3212-- \u3213-- \u3214-- \u3215-- \u3216-- \u3217-- \u3218-- "
        + "\u3219-- \u321a-- \u321b-- \u321c-- \u321d-- \u321e-- \u3220-- \u3221-- \u3222-- \u3223-- "
        + "\u3224-- \u3225-- \u3226-- \u3227-- \u3228-- \u3229-- \u322a-- \u322b-- \u322c-- \u322d-- "
        + "\u322e-- \u322f-- \u3230-- \u3231-- \u3232-- \u3233-- \u3234-- \u3235-- \u3236-- \u3237-- "
        + "\u3238-- \u3239-- \u323a-- \u323b-- \u323c-- \u323d-- \u323e-- \u323f-- \u3240-- \u3241-- "
        + "\u3242-- \u3243-- \u3250--- \u325121 \u325222 \u325323 \u325424 \u325525 \u325626 \u325727 "
        + "\u325828 \u325929 \u325a30 \u325b31 \u325c32 \u325d33 \u325e34 \u325f35 \u32b136 \u32b237 "
        + "\u32b338 \u32b439 \u32b540 \u32b641 \u32b742 \u32b843 \u32b944 \u32ba45 \u32bb46 \u32bc47 "
        + "\u32bd48 \u32be49 \u32bf50 \u32c01 \u32c12 \u32c23 \u32c34 \u32c45 \u32c56 \u32c67 \u32c78 "
        + "\u32c89 \u32c910 \u32ca11 \u32cb12 \u32cc-g \u32cderg \u32cee- \u32cf--- \u33580 \u33591 "
        + "\u335a2 \u335b3 \u335c4 \u335d5 \u335e6 \u335f7 \u33608 \u33619 \u336210 \u336311 \u336412 "
        + "\u336513 \u336614 \u336715 \u336816 \u336917 \u336a18 \u336b19 \u336c20 \u336d21 \u336e22 "
        + "\u336f23 \u337024 \u3371h-a \u3372da \u3373-- \u3374bar \u3375o- \u3376pc \u3377dm \u3378dm2 "
        + "\u3379dm3 \u337a-- \u3380p- \u3381n- \u3382- \u3383m- \u3384k- \u3385-- \u3386-- \u3387-- "
        + "\u3388cal \u3389kcal \u338ap- \u338bn- \u338c- \u338dg \u338emg \u338fkg \u3390-z \u3391k-z "
        + "\u3392--z \u3393--z \u3394--z \u3395l \u3396ml \u3397dl \u3398kl \u3399fm \u339anm \u339bm "
        + "\u339cmm \u339dcm \u339ekm \u339fmm2 \u33a0cm2 \u33a1m2 \u33a2km2 \u33a3mm3 \u33a4cm3 \u33a5m3 "
        + "\u33a6km3 \u33a7ms \u33a8ms2 \u33a9-a \u33aak-a \u33ab--a \u33ac--a \u33adrad \u33aerads "
        + "\u33afrads2 \u33b0ps \u33b1ns \u33b2s \u33b3ms \u33b4p- \u33b5n- \u33b6- \u33b7m- \u33b8k- "
        + "\u33b9-- \u33bap- \u33bbn- \u33bc- \u33bdm- \u33bek- \u33bf-- \u33c0k \u33c1- \u33c2a-m- "
        + "\u33c3-q \u33c4cc \u33c5cd \u33c6-kg \u33c7-o- \u33c8d- \u33c9-y \u33caha \u33cb-- \u33ccin "
        + "\u33cd-- \u33ce-- \u33cfkt \u33d0lm \u33d1ln \u33d2log \u33d3lx \u33d4mb \u33d5mil \u33d6mol "
        + "\u33d7-- \u33d8p-m- \u33d9--- \u33da-- \u33dbsr \u33dc-v \u33dd-b \u33de-m \u33df-m \u33e01 "
        + "\u33e12 \u33e23 \u33e34 \u33e45 \u33e56 \u33e67 \u33e78 \u33e89 \u33e910 \u33ea11 \u33eb12 "
        + "\u33ec13 \u33ed14 \u33ee15 \u33ef16 \u33f017 \u33f118 \u33f219 \u33f320 \u33f421 \u33f522 "
        + "\u33f623 \u33f724 \u33f825 \u33f926 \u33fa27 \u33fb28 \u33fc29 \u33fd30 \u33fe31 \u33ffgal ꟲ- "
        + "ꟳ- ꟴ- ﬀff ﬁfi ﬂfl ﬃffi ﬄffl ﬅst ﬆst ﬩- ﱞ- ﱟ- ﱠ- ﱡ- ﱢ- ﱣ- ﷺ--- ﷻ- \ufe10- \ufe13- \ufe14- "
        + "\ufe15- \ufe16- \ufe19--- \ufe30-- \ufe33- \ufe34- \ufe35- \ufe36- \ufe37- \ufe38- \ufe47- "
        + "\ufe48- \ufe49- \ufe4a- \ufe4b- \ufe4c- \ufe4d- \ufe4e- \ufe4f- \ufe50- \ufe52- \ufe54- \ufe55- "
        + "\ufe56- \ufe57- \ufe59- \ufe5a- \ufe5b- \ufe5c- \ufe5f- \ufe60- \ufe61- \ufe62- \ufe63- \ufe64- "
        + "\ufe65- \ufe66- \ufe68- \ufe69- \ufe6a- \ufe6b- ﹰ- ﹲ- ﹴ- ﹶ- ﹸ- ﹺ- ﹼ- ﹾ- \uff01- \uff02- \uff03- "
        + "\uff04- \uff05- \uff06- \uff07- \uff08- \uff09- \uff0a- \uff0b- \uff0c- \uff0d- \uff0e- \uff0f- "
        + "\uff100 \uff111 \uff122 \uff133 \uff144 \uff155 \uff166 \uff177 \uff188 \uff199 \uff1a- \uff1b- "
        + "\uff1c- \uff1d- \uff1e- \uff1f- \uff20- \uff3b- \uff3c- \uff3d- \uff3e- \uff3f- \uff40- \uff41a "
        + "\uff42b \uff43c \uff44d \uff45e \uff46f \uff47g \uff48h \uff49i \uff4aj \uff4bk \uff4cl \uff4dm "
        + "\uff4en \uff4fo \uff50p \uff51q \uff52r \uff53s \uff54t \uff55u \uff56v \uff57w \uff58x \uff59y "
        + "\uff5az \uff5b- \uff5c- \uff5d- \uff5e- \uffe3-";

    private static readonly Dictionary<char, string> Table = Entries.Split(' ').ToDictionary(e => e[0], e => e[1..]);

    /// <summary>The ASCII that <paramref name="c"/> decomposes to (itself for ASCII), empty when none.</summary>
    public static string Fold(char c) => c < 0x80 ? c.ToString() : Table.GetValueOrDefault(c, "");
}
