#include <anslag/model/date.hpp>

#include <ostream>

namespace anslag {

std::ostream& operator<<(std::ostream& out, const calendar_date& day) { return out << day.to_string(); }

}  // namespace anslag
