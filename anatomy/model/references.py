"""One home for every source the model and the notebooks cite.

Each number in the package carries a key from `REFERENCES` beside it (``# [delp1990]``), and
notebooks print their reference lists from here, so a citation is written once.

Examples
--------
>>> from anatomy.model.references import cite
>>> cite("legaye1998")[:28]
'Legaye J, Duval-Beaupère G, '
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reference:
    """A published source: who, when, what, where, and a link."""

    key: str
    authors: str
    year: int
    title: str
    where: str
    link: str = ""

    def __str__(self) -> str:
        link = f" {self.link}" if self.link else ""
        return f"{self.authors} ({self.year}). {self.title}. {self.where}.{link}"


_R = Reference
REFERENCES: dict[str, Reference] = {r.key: r for r in [
    _R("delp1990", "Delp SL, Loan JP, Hoy MG, Zajac FE, Topp EL, Rosen JM", 1990,
       "An interactive graphics-based model of the lower extremity to study orthopaedic "
       "surgical procedures", "IEEE Trans Biomed Eng 37(8):757-767",
       "https://doi.org/10.1109/10.102791"),
    _R("gait2392", "Delp SL et al.; Thelen DG, Seth A, Anderson FC (OpenSim)", 2013,
       "Gait2392 model file gait2392_millard2012muscle.osim (the 1990 model's geometry, "
       "CC BY 3.0)", "opensim-org/opensim-models, Models/Gait2392_Simbody, commit 07927ac",
       "https://github.com/opensim-org/opensim-models"),
    _R("yamaguchi1989", "Yamaguchi GT, Zajac FE", 1989,
       "A planar model of the knee joint to characterize the knee extensor mechanism",
       "J Biomech 22(1):1-10", "https://doi.org/10.1016/0021-9290(89)90179-6"),
    _R("ward2009", "Ward SR, Eng CM, Smallwood LH, Lieber RL", 2009,
       "Are current measurements of lower extremity muscle architecture accurate?",
       "Clin Orthop Relat Res 467(4):1074-1082", "https://doi.org/10.1007/s11999-008-0594-8"),
    _R("woodley2005", "Woodley SJ, Mercer SR", 2005,
       "Hamstring muscles: architecture and innervation", "Cells Tissues Organs 179:125-141",
       "https://pubmed.ncbi.nlm.nih.gov/15947463/"),
    _R("feucht2015", "Feucht MJ, Plath JE, Seppel G, Hinterwimmer S, Imhoff AB, Brucker PU",
       2015, "Gross anatomical and dimensional characteristics of the proximal hamstring "
       "origin", "Knee Surg Sports Traumatol Arthrosc 23:2576-2582",
       "https://doi.org/10.1007/s00167-014-3124-0"),
    _R("vandermade2015", "van der Made AD, Wieldraaijer T, Kerkhoffs GM et al.", 2015,
       "The hamstring muscle complex", "Knee Surg Sports Traumatol Arthrosc 23:2115-2122",
       "https://doi.org/10.1007/s00167-013-2744-0"),
    _R("kellis2022", "Kellis E, Blazevich AJ", 2022,
       "Hamstrings force-length relationships and their implications for angle-specific "
       "joint torques: a narrative review", "BMC Sports Sci Med Rehabil 14:166",
       "https://doi.org/10.1186/s13102-022-00555-6"),
    _R("visser1990", "Visser JJ, Hoogkamer JE, Bobbert MF, Huijing PA", 1990,
       "Length and moment arm of human leg muscles as a function of knee and hip-joint angles",
       "Eur J Appl Physiol 61:453-460", "https://doi.org/10.1007/BF00236067"),
    _R("buford1997", "Buford WL Jr et al. (full author list not checked for the project)", 1997,
       "Muscle balance at the knee: moment arms for the normal knee and the ACL-minus knee",
       "IEEE Trans Rehabil Eng 5(4):367-379 (PMID 9422462)",
       "https://pubmed.ncbi.nlm.nih.gov/9422462/"),
    _R("thelen2005", "Thelen DG, Chumanov ES, Hoerth DM et al.", 2005,
       "Hamstring muscle kinematics during treadmill sprinting",
       "Med Sci Sports Exerc 37(1):108-114",
       "https://doi.org/10.1249/01.MSS.0000150078.79120.C8"),
    _R("thelen2003", "Thelen DG", 2003,
       "Adjustment of muscle mechanics model parameters to simulate dynamic contractions in "
       "older adults", "J Biomech Eng 125(1):70-77", "https://doi.org/10.1115/1.1531112"),
    _R("drillis1966", "Drillis R, Contini R (as tabulated by Winter DA)", 1966,
       "Body segment parameters (Report 1166-03); segment lengths as fractions of height in "
       "Winter DA, Biomechanics and Motor Control of Human Movement, Fig. 4.1",
       "New York University School of Engineering and Science", ""),
    _R("legaye1998", "Legaye J, Duval-Beaupère G, Hecquet J, Marty C", 1998,
       "Pelvic incidence: a fundamental pelvic parameter for three-dimensional regulation of "
       "spinal sagittal curves", "Eur Spine J 7(2):99-103",
       "https://doi.org/10.1007/s005860050038"),
    _R("lehuec2016", "Le Huec JC, Hasegawa K", 2016,
       "Normative values for the spine shape parameters using 3D standing analysis from a "
       "database of 268 asymptomatic Caucasian and Japanese subjects", "Eur Spine J "
       "25(11):3630-3637", "https://doi.org/10.1007/s00586-016-4485-5"),
    _R("macthiong2011", "Mac-Thiong JM, Roussouly P, Berthonnaud E, Guigui P", 2011,
       "Age- and sex-related variations in sagittal sacropelvic morphology and balance in "
       "asymptomatic adults", "Eur Spine J 20(Suppl 5):572-577",
       "https://doi.org/10.1007/s00586-011-1923-2"),
    _R("roussouly2005", "Roussouly P, Gollogly S, Berthonnaud E, Dimnet J", 2005,
       "Classification of the normal variation in the sagittal alignment of the human lumbar "
       "spine and pelvis in the standing position", "Spine 30(3):346-353",
       "https://doi.org/10.1097/01.brs.0000152379.54463.65"),
    _R("laouissat2018", "Laouissat F, Sebaaly A, Gehrchen M, Roussouly P", 2018,
       "Classification of normal sagittal spine alignment: refounding the Roussouly "
       "classification", "Eur Spine J 27(8):2002-2011",
       "https://doi.org/10.1007/s00586-017-5111-x"),
    _R("preece2008", "Preece SJ, Willan P, Nester CJ et al.", 2008,
       "Variation in pelvic morphology may prevent the identification of anterior pelvic tilt",
       "J Man Manip Ther 16(2):113-117", "https://doi.org/10.1179/106698108790818459"),
    _R("herrington2011", "Herrington L", 2011,
       "Assessment of the degree of pelvic tilt within a normal asymptomatic population",
       "Man Ther 16(6):646-648", "https://doi.org/10.1016/j.math.2011.04.006"),
    _R("czaprowski2018", "Czaprowski D, Stoliński Ł, Tyrakowski M, Kozinoga M, Kotwicki T",
       2018, "Non-structural misalignments of body posture in the sagittal plane",
       "Scoliosis Spinal Disord 13:6", "https://doi.org/10.1186/s13013-018-0151-5"),
    _R("gajdosik1994", "Gajdosik RL, Albert CR, Mitman JJ", 1994,
       "Influence of hamstring length on the standing position and flexion range of motion of "
       "the pelvic angle, lumbar angle, and thoracic angle", "J Orthop Sports Phys Ther "
       "20(4):213-219", "https://doi.org/10.2519/jospt.1994.20.4.213"),
    _R("gajdosik1992", "Gajdosik RL, Hatcher CK, Whitsitt S", 1992,
       "Influence of short hamstring muscles on the pelvis and lumbar spine in standing and "
       "during the toe-touch test", "Clin Biomech 7(1):38-42",
       "https://doi.org/10.1016/0268-0033(92)90006-P"),
    _R("li1996", "Li Y, McClure PW, Pratt N", 1996,
       "The effect of hamstring muscle stretching on standing posture and on lumbar and hip "
       "motions during forward bending", "Phys Ther 76(8):836-845",
       "https://doi.org/10.1093/ptj/76.8.836"),
    _R("esola1996", "Esola MA, McClure PW, Fitzgerald GK, Siegler S", 1996,
       "Analysis of lumbar spine and hip motion during forward bending in subjects with and "
       "without a history of low back pain", "Spine 21(1):71-78",
       "https://doi.org/10.1097/00007632-199601010-00017"),
    _R("bohannon1985", "Bohannon R, Gajdosik R, LeVeau BF", 1985,
       "Contribution of pelvic and lower limb motion to increases in the angle of passive "
       "straight leg raising", "Phys Ther 65(4):474-476",
       "https://doi.org/10.1093/ptj/65.4.474"),
    _R("gajdosik1993", "Gajdosik RL, Rieck MA, Sullivan DK, Wightman SE", 1993,
       "Comparison of four clinical tests for assessing hamstring muscle length",
       "J Orthop Sports Phys Ther 18(5):614-618", "https://doi.org/10.2519/jospt.1993.18.5.614"),
    _R("gajdosik1983", "Gajdosik R, Lusin G", 1983,
       "Hamstring muscle tightness: reliability of an active-knee-extension test",
       "Phys Ther 63(7):1085-1090", "https://doi.org/10.1093/ptj/63.7.1085"),
    _R("yildirim2018", "Yıldırım MŞ, Tuna F, Demirbağ Kabayel D, Süt N", 2018,
       "The cut-off values for the diagnosis of hamstring shortness and related factors",
       "Balkan Med J 35(5):388-393", "https://doi.org/10.4274/balkanmedj.2017.1517"),
    _R("muyor2011", "Muyor JM, López-Miñarro PA, Alacid F", 2011,
       "Influence of hamstring muscles extensibility on spinal curvatures and pelvic tilt in "
       "highly trained cyclists", "J Hum Kinet 29:15-23", "https://doi.org/10.2478/v10078-011-0035-8"),
    _R("lopezminarro2012", "López-Miñarro PA, Muyor JM, Belmonte F, Alacid F", 2012,
       "Acute effects of hamstring stretching on sagittal spinal curvatures and pelvic tilt",
       "J Hum Kinet 31:69-78", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3588653/"),
    _R("naseri2010", "Naseri N, Fakhari Z, Senobari M, Jalaei S, Banejad M", 2010,
       "The relationship between pelvic tilt and lumbar lordosis with muscle tightness, "
       "muscle strength, BMI and age in standing (75 women aged 20-70; title as given in the "
       "English abstract)", "Modern Rehabilitation (J Mod Rehabil, Tehran University of "
       "Medical Sciences) 3(3)", "https://journals.tums.ac.ir/mrj/"),
    _R("sadler2017", "Sadler SG, Spink MJ, Ho A, De Jonge XJ, Chuter VH", 2017,
       "Restriction in lateral bending range of motion, lumbar lordosis, and hamstring "
       "flexibility predicts the development of low back pain: a systematic review of "
       "prospective cohort studies", "BMC Musculoskelet Disord 18:179",
       "https://doi.org/10.1186/s12891-017-1534-0"),
    _R("johnson2010", "Johnson EN, Thomas JS", 2010,
       "Effect of hamstring flexibility on hip and lumbar spine joint excursions during "
       "forward-reaching tasks in participants with and without low back pain",
       "Arch Phys Med Rehabil 91(7):1140-1142", "https://doi.org/10.1016/j.apmr.2010.04.003"),
    _R("weppler2010", "Weppler CH, Magnusson SP", 2010,
       "Increasing muscle extensibility: a matter of increasing length or modifying "
       "sensation?", "Phys Ther 90(3):438-449", "https://doi.org/10.2522/ptj.20090012"),
    _R("bandy1994", "Bandy WD, Irion JM", 1994,
       "The effect of time on static stretch on the flexibility of the hamstring muscles",
       "Phys Ther 74(9):845-850", "https://doi.org/10.1093/ptj/74.9.845"),
    _R("bandy1997", "Bandy WD, Irion JM, Briggler M", 1997,
       "The effect of time and frequency of static stretching on flexibility of the hamstring "
       "muscles", "Phys Ther 77(10):1090-1096", "https://doi.org/10.1093/ptj/77.10.1090"),
    _R("ylinen2009", "Ylinen J, Kankainen T, Kautiainen H et al.", 2009,
       "Effect of stretching on hamstring muscle compliance", "J Rehabil Med 41(1):80-84",
       "https://doi.org/10.2340/16501977-0283"),
    _R("ayala2012", "Ayala F, Sainz de Baranda P, De Ste Croix M, Santonja F", 2012,
       "Reproducibility and criterion-related validity of the sit and reach test and toe "
       "touch test for estimating hamstring flexibility in recreationally active young adults",
       "Phys Ther Sport 13(4):219-226", "https://doi.org/10.1016/j.ptsp.2011.11.001"),
    _R("pearcy1984", "Pearcy M, Portek I, Shepherd J", 1984,
       "Three-dimensional x-ray analysis of normal movement in the lumbar spine",
       "Spine 9(3):294-297", "https://doi.org/10.1097/00007632-198404000-00013"),
    _R("bernhardt1989", "Bernhardt M, Bridwell KH", 1989,
       "Segmental analysis of the sagittal plane alignment of the normal thoracic and lumbar "
       "spines and thoracolumbar junction", "Spine 14(7):717-721",
       "https://doi.org/10.1097/00007632-198907000-00012"),
    _R("panjabi1992", "Panjabi MM, Goel V, Oxland T et al.", 1992,
       "Human lumbar vertebrae: quantitative three-dimensional anatomy", "Spine 17(3):299-306",
       "https://doi.org/10.1097/00007632-199203000-00010"),
    _R("keegan1953", "Keegan JJ", 1953,
       "Alterations of the lumbar curve related to posture and seating",
       "J Bone Joint Surg Am 35(3):589-603", ""),
    _R("cho2015", "Cho IY, Park SY, Park JH, Kim TK, Jung TW, Lee HM", 2015,
       "The effect of standing and different sitting positions on lumbar lordosis: "
       "radiographic study of 30 healthy volunteers", "Asian Spine J 9(5):762-769",
       "https://doi.org/10.4184/asj.2015.9.5.762"),
    # link1990: title, journal, volume, pages, DOI and method checked against PubMed 2217540
    # (61 men aged 20-30; lumbar curve by flexible ruler, not radiographs; a standard chair
    # and a Balans Multi-Chair). The author list is as cited in the literature; the
    # PubMed record seen for the project did not show it.
    _R("link1990", "Link CS, Nicholson GG, Shaddeau SA, Birch R, Gossman MR", 1990,
       "Lumbar curvature in standing and sitting in two types of chairs: relationship of "
       "hamstring and hip flexor muscle length", "Phys Ther 70(10):611-618 (PMID 2217540)",
       "https://doi.org/10.1093/ptj/70.10.611"),
    # The key names the university because the authors could not be verified for the
    # project: title, journal, date, DOI and PMID are checked (PubMed 36949625; 60 patients,
    # hamstring length by active knee extension); the affiliations there are the Physical
    # Therapy Department and its Graduate School, Kyungnam University, Changwon, Korea.
    _R("kyungnam2023", "Authors not verified for the project (Physical Therapy Department, "
       "Kyungnam University, Changwon, Korea)", 2023,
       "Association between hamstring shortness and asymmetry, pain intensity, disability "
       "index, and compensatory lumbar movement in 60 patients with nonspecific chronic low "
       "back pain", "Med Sci Monit 29:e939657 (PMID 36949625)",
       "https://doi.org/10.12659/MSM.939657"),
    # Cited by the model version 2 calibration (anatomy/model/calibration.py, docs/model.md);
    # titles, journals, numbers and DOIs checked against PubMed records.
    _R("endo2012", "Endo K et al. (full author list not checked for the project)", 2012,
       "Sagittal lumbar and pelvic alignment in the standing and sitting positions",
       "J Orthop Sci 17(6):682-686 (PMID 22915074)", "https://doi.org/10.1007/s00776-012-0281-1"),
    _R("lopezminarro2007", "López-Miñarro PA et al. (full author list not checked for the "
       "project)", 2007, "A comparison of the spine posture among several sit-and-reach test "
       "protocols", "J Sci Med Sport 10(6):456-462 (PMID 17298887)",
       "https://doi.org/10.1016/j.jsams.2006.10.003"),
    _R("marshall2014", "Marshall PW, Siegler JC", 2014,
       "Lower hamstring extensibility in men compared to women is explained by differences in "
       "stretch tolerance", "BMC Musculoskelet Disord 15:223 (PMID 25000977)",
       "https://doi.org/10.1186/1471-2474-15-223"),
    _R("youdas2005", "Youdas JW, Krause DA, Hollman JH, Harmsen WS, Laskowski E", 2005,
       "The influence of gender and age on hamstring muscle length in healthy adults",
       "J Orthop Sports Phys Ther 35(4):246-252", "https://doi.org/10.2519/jospt.2005.35.4.246"),
    _R("youdas1996", "Youdas JW, Garrett TR, Harmsen S, Suman VJ, Carey JR", 1996,
       "Lumbar lordosis and pelvic inclination of asymptomatic adults",
       "Phys Ther 76(10):1066-1081", "https://doi.org/10.1093/ptj/76.10.1066"),
    _R("levine1996", "Levine D, Whittle MW", 1996,
       "The effects of pelvic movement on lumbar lordosis in the standing position",
       "J Orthop Sports Phys Ther 24(3):130-135", "https://doi.org/10.2519/jospt.1996.24.3.130"),
    _R("nourbakhsh2002", "Nourbakhsh MR, Arab AM", 2002,
       "Relationship between mechanical factors and incidence of low back pain",
       "J Orthop Sports Phys Ther 32(9):447-460", "https://doi.org/10.2519/jospt.2002.32.9.447"),
    _R("hori2021", "Hori M, Hasegawa H, Takasaki H", 2021,
       "Comparisons of hamstring flexibility between individuals with and without low back "
       "pain: systematic review with meta-analysis", "Physiother Theory Pract 37(5):559-582",
       "https://doi.org/10.1080/09593985.2019.1639868"),
    _R("halbertsma1994", "Halbertsma JP, Göeken LN", 1994,
       "Stretching exercises: effect on passive extensibility and stiffness in short "
       "hamstrings of healthy subjects", "Arch Phys Med Rehabil 75(9):976-981",
       "https://pubmed.ncbi.nlm.nih.gov/8085933/"),
    _R("freitas2018", "Freitas SR, Mendes B, Le Sant G, Andrade RJ, Nordez A, Milanovic Z", 2018,
       "Can chronic stretching change the muscle-tendon mechanical properties? A review",
       "Scand J Med Sci Sports 28(3):794-806", "https://doi.org/10.1111/sms.12957"),
    _R("marshall2011", "Marshall PW, Cashman A, Cheema BS", 2011,
       "A randomized controlled trial for the effect of passive stretching on measures of "
       "hamstring extensibility, passive stiffness, strength, and stretch tolerance",
       "J Sci Med Sport 14(6):535-540", "https://doi.org/10.1016/j.jsams.2011.05.003"),
    _R("riener1999", "Riener R, Edrich T", 1999,
       "Identification of passive elastic joint moments in the lower extremities",
       "J Biomech 32(5):539-544", "https://doi.org/10.1016/S0021-9290(99)00009-3"),
]}


# The nerve, the slump and hamstring injury (notebook 07; `anatomy.model.nerve`).
REFERENCES.update({r.key: r for r in [
    _R("robinson2019", "Robinson LR, Probyn L", 2019,
       "How much sciatic nerve does hip flexion require?", "Can J Neurol Sci 46(2)",
       "https://www.cambridge.org/core/journals/canadian-journal-of-neurological-sciences/"
       "article/how-much-sciatic-nerve-does-hip-flexion-require/"
       "F149301C3B09E5AAF835FEB0C424C9A8"),
    _R("buenogracia2019", "Bueno-Gracia E, Pérez-Bellmunt A, Estébanez-de-Miguel E, "
       "López-de-Celis C, Shacklock M, Caudevilla-Polo S, González-Rueda V", 2019,
       "Differential movement of the sciatic nerve and hamstrings during the straight leg "
       "raise with ankle dorsiflexion: implications for diagnosis of neural aspect to hamstring "
       "disorders", "Musculoskelet Sci Pract 43:91-95",
       "https://pubmed.ncbi.nlm.nih.gov/31374476/"),
    _R("boyd2009", "Boyd BS, Wanek L, Gray AT, Topp KS", 2009,
       "Mechanosensitivity of the lower extremity nervous system during straight-leg raise "
       "neurodynamic testing in healthy individuals", "J Orthop Sports Phys Ther "
       "39(11):780-790", ""),
    _R("boyd2012", "Boyd BS, Villa PS", 2012,
       "Normal inter-limb differences during the straight leg raise neurodynamic test: a cross "
       "sectional study", "BMC Musculoskelet Disord 13:245",
       "https://doi.org/10.1186/1471-2474-13-245"),
    _R("boland2000", "Boland RA, Adams RD", 2000,
       "Effects of ankle dorsiflexion on range and reliability of straight leg raising",
       "Aust J Physiother 46(3):191-200", ""),
    _R("palmer2015", "Palmer TB, Akehi K, Thiele RM, Smith DB, Thompson BJ", 2015,
       "Dorsiflexion, plantar-flexion, and neutral ankle positions during passive resistance "
       "assessments of the posterior hip and thigh muscles", "J Athl Train 50(5):467-474",
       "https://doi.org/10.4085/1062-6050-49.6.04"),
    _R("johnson1997", "Johnson EK, Chiarello CM", 1997,
       "The slump test: the effects of head and lower extremity position on knee extension",
       "J Orthop Sports Phys Ther 26(6):310-317", "https://doi.org/10.2519/jospt.1997.26.6.310"),
    _R("kuilart2005", "Kuilart KE, Woollam M, Barling E, Lucas N", 2005,
       "The active knee extension test and Slump test in subjects with perceived hamstring "
       "tightness", "Int J Osteopath Med 8(3):89-97", ""),
    _R("coppieters2006", "Coppieters MW, Alshami AM, Babri AS, Souvlis T, Kippers V, "
       "Hodges PW", 2006,
       "Strain and excursion of the sciatic, tibial, and plantar nerves during a modified "
       "straight leg raising test", "J Orthop Res 24(9):1883-1889",
       "https://doi.org/10.1002/jor.20210"),
    _R("boyd2013", "Boyd BS, Topp KS, Coppieters MW", 2013,
       "Impact of movement sequencing on sciatic and tibial nerve strain and excursion during "
       "the straight leg raise test in embalmed cadavers",
       "J Orthop Sports Phys Ther 43(6):398-403", "https://pubmed.ncbi.nlm.nih.gov/23633619/"),
    _R("fleming2003", "Fleming P, Lenehan B, O'Rourke S, McHugh P, Kaar K, McCabe JP", 2003,
       "Strain on the human sciatic nerve in vivo during movement of the hip and knee",
       "J Bone Joint Surg Br 85(3):363-365", "https://doi.org/10.1302/0301-620x.85b3.13220"),
    _R("breig1979", "Breig A, Troup JDG", 1979,
       "Biomechanical considerations in the straight-leg-raising test: cadaveric and clinical "
       "studies of the effects of medial hip rotation", "Spine 4(3):242-250", ""),
    _R("ekstrand2012", "Ekstrand J, Healy JC, Waldén M, Lee JC, English B, Hägglund M", 2012,
       "Hamstring muscle injuries in professional football: the correlation of MRI findings "
       "with return to play", "Br J Sports Med 46(2):112-117",
       "https://doi.org/10.1136/bjsports-2011-090155"),
    _R("jokela2023", "Jokela A, Valle X, Kosola J et al.", 2023,
       "Mechanisms of hamstring injury in professional soccer players: video analysis and "
       "magnetic resonance imaging findings", "Clin J Sport Med 33(3):217-224",
       "https://doi.org/10.1097/JSM.0000000000001109"),
    _R("green2020", "Green B, Bourne MN, van Dyk N, Pizzari T", 2020,
       "Recalibrating the risk of hamstring strain injury (HSI): a 2020 systematic review and "
       "meta-analysis of risk factors for index and recurrent hamstring strain injury in sport",
       "Br J Sports Med 54(18):1081-1088", "https://doi.org/10.1136/bjsports-2019-100983"),
    _R("vandyk2019", "van Dyk N, Behan FP, Whiteley R", 2019,
       "Including the Nordic hamstring exercise in injury prevention programmes halves the "
       "rate of hamstring injuries: a systematic review and meta-analysis of 8459 athletes",
       "Br J Sports Med 53(21):1362-1370", "https://doi.org/10.1136/bjsports-2018-100045"),
    _R("finucane2020", "Finucane LM, Downie A, Mercer C, Greenhalgh SM, Boissonnault WG, "
       "Pool-Goudzwaard AL, Beneciuk JM, Leech RL, Selfe J", 2020,
       "International framework for red flags for potential serious spinal pathologies",
       "J Orthop Sports Phys Ther 50(7):350-372", "https://doi.org/10.2519/jospt.2020.9971"),
    _R("phalen1961", "Phalen GS, Dickson JA", 1961, "Spondylolisthesis and tight hamstrings",
       "J Bone Joint Surg Am 43(4):505", "http://jbjs.org/content/43/4/505"),
    _R("martin2017", "Martin HD, Khoury AN, Schroder R, Gomez-Hoyos J, Yeramaneni S, Reddy M, "
       "Palmer IJ", 2017,
       "The effects of hip abduction on sciatic nerve biomechanics during terminal hip flexion",
       "J Hip Preserv Surg 4(2):178-186", "https://doi.org/10.1093/jhps/hnx008"),
]})


def cite(key: str) -> str:
    """Return the full citation for ``key`` as one line of text."""
    try:
        return str(REFERENCES[key])
    except KeyError:
        raise KeyError(f"unknown reference key {key!r}; known keys: {sorted(REFERENCES)}") from None


def reference_list(keys) -> str:
    """Return a Markdown bullet list of the given references, in the order given."""
    return "\n".join(f"- {cite(k)}" for k in dict.fromkeys(keys))
