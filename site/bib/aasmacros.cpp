#include "aasmacros.h"

#include <map>

namespace folio::site::bib {

std::string_view aasJournal(std::string_view command)
{
    // aas_macros.sty (AAS, as ADS documents it: "Journal abbreviations").
    static const std::map<std::string_view, std::string_view> journals = {
        {"aj", "AJ"}, {"actaa", "Acta Astron."}, {"araa", "ARA&A"}, {"apj", "ApJ"}, {"apjl", "ApJL"},
        {"apjs", "ApJS"}, {"ao", "Appl. Opt."}, {"apss", "Ap&SS"}, {"aap", "A&A"}, {"aapr", "A&A Rv"},
        {"aaps", "A&AS"}, {"azh", "AZh"}, {"baas", "BAAS"}, {"bac", "Bull. Astron. Inst. Czechoslovakia"},
        {"caa", "Chinese Astron. Astrophys."}, {"cjaa", "Chinese J. Astron. Astrophys."}, {"icarus", "Icarus"},
        {"jcap", "J. Cosmology Astropart. Phys."}, {"jrasc", "JRASC"}, {"memras", "MmRAS"}, {"mnras", "MNRAS"},
        {"na", "New A"}, {"nar", "New A Rev."}, {"pra", "Phys. Rev. A"}, {"prb", "Phys. Rev. B"},
        {"prc", "Phys. Rev. C"}, {"prd", "Phys. Rev. D"}, {"pre", "Phys. Rev. E"}, {"prl", "Phys. Rev. Lett."},
        {"pasa", "PASA"}, {"pasp", "PASP"}, {"pasj", "PASJ"}, {"psj", "PSJ"}, {"qjras", "QJRAS"},
        {"rmxaa", "Rev. Mexicana Astron. Astrofis."}, {"skytel", "S&T"}, {"solphys", "Sol. Phys."},
        {"sovast", "Soviet Ast."}, {"ssr", "Space Sci. Rev."}, {"zap", "ZAp"}, {"nat", "Nature"},
        {"iaucirc", "IAU Circ."}, {"aplett", "Astrophys. Lett."}, {"apspr", "Astrophys. Space Phys. Res."},
        {"bain", "Bull. Astron. Inst. Netherlands"}, {"fcp", "Fund. Cosmic Phys."},
        {"gca", "Geochim. Cosmochim. Acta"}, {"grl", "Geophys. Res. Lett."}, {"jcp", "J. Chem. Phys."},
        {"jgr", "J. Geophys. Res."}, {"jqsrt", "J. Quant. Spec. Radiat. Transf."},
        {"memsai", "Mem. Soc. Astron. Italiana"}, {"nphysa", "Nucl. Phys. A"}, {"physrep", "Phys. Rep."},
        {"physscr", "Phys. Scr"}, {"planss", "Planet. Space Sci."}, {"procspie", "Proc. SPIE"},
    };
    const auto it = journals.find(command);
    return it == journals.end() ? std::string_view() : it->second;
}

} // namespace folio::site::bib
