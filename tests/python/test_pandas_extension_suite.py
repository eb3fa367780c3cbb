"""pandas' own extension-array test suite (pandas.tests.extension.base, as Debian's
python3-pandas 1.5.3 ships it) run against the krona dtype, with the fixtures it asks for."""

import operator

import pandas as pd
import pytest
from pandas.tests.extension import base
# The suite's own fixtures: those above are overridden below; the rest parametrize the tests.
from pandas.tests.extension.conftest import (  # noqa: F401
    as_array, as_frame, as_series, box_in_series, data_repeated, fillna_method, groupby_apply_op,
    invalid_scalar,
    use_numpy)
from pandas.conftest import (  # noqa: F401
    all_arithmetic_operators, all_boolean_reductions, all_numeric_reductions, comparison_op,
    sort_by_key)

from anslag import Krona
from anslag.pandas import KronaArray, KronaDtype


def amounts(*texts):
    return KronaArray._from_sequence(list(texts))


@pytest.fixture
def dtype():
    return KronaDtype()


@pytest.fixture
def data():
    return KronaArray.from_ore([(-1) ** i * (i * 1_234_567 + 7) for i in range(100)])


@pytest.fixture
def data_for_twos():
    return amounts(*["2 kr"] * 100)


@pytest.fixture
def data_missing():
    return amounts(None, "1 234,50 kr")


@pytest.fixture(params=["data", "data_missing"])
def all_data(request, data, data_missing):
    return data if request.param == "data" else data_missing


@pytest.fixture
def data_for_sorting():
    return amounts("2 kr", "3 kr", "-1 kr")


@pytest.fixture
def data_missing_for_sorting():
    return amounts("2 kr", None, "-1 kr")


@pytest.fixture
def data_for_grouping():
    return amounts("2 kr", "2 kr", None, None, "-1 kr", "-1 kr", "2 kr", "3 kr")


@pytest.fixture
def na_cmp():
    return lambda a, b: a is pd.NA and b is pd.NA


@pytest.fixture
def na_value():
    return pd.NA


class TestDtype(base.BaseDtypeTests):
    # pandas 1.5.3 returns these two checks instead of asserting them.
    def test_is_not_object_type(self, dtype):
        assert not pd.api.types.is_object_dtype(dtype)

    @pytest.mark.skip(reason="pandas 1.5.3 calls every extension dtype of kind 'O' a string dtype")
    def test_is_not_string_type(self, dtype):
        pass


class TestInterface(base.BaseInterfaceTests):
    pass


class TestConstructors(base.BaseConstructorsTests):
    pass


class TestGetitem(base.BaseGetitemTests):
    pass


class TestSetitem(base.BaseSetitemTests):
    pass


class TestMissing(base.BaseMissingTests):
    pass


class TestMethods(base.BaseMethodsTests):
    pass


class TestCasting(base.BaseCastingTests):
    pass


class TestGroupby(base.BaseGroupbyTests):
    def test_in_numeric_groupby(self, data_for_grouping):
        # The base test's rule is that a numeric extension dtype is kept by a group sum; its pandas
        # 1.5.3 version decides "numeric" by is_numeric_dtype, which looks at dtype.type (Krona, not
        # a numpy number), and so expects krona dropped although krona declares _is_numeric. Here
        # the rule itself, and krona's exact sums: group 2's amounts are all unknown.
        df = pd.DataFrame({"A": [1, 1, 2, 2, 3, 3, 1, 4], "B": data_for_grouping, "C": [1] * 8})
        result = df.groupby("A").sum()
        assert list(result.columns) == ["B", "C"]
        assert result["B"].tolist() == [Krona("6 kr"), pd.NA, Krona("-2 kr"), Krona("3 kr")]


class TestReshaping(base.BaseReshapingTests):
    pass


class TestPrinting(base.BasePrintingTests):
    pass


class TestParsing(base.BaseParsingTests):
    pass


class TestComparisonOps(base.BaseComparisonOpsTests):
    def _compare_other(self, ser, data, op, other):
        # Results are pandas' nullable boolean (missing where an amount is missing). The base test
        # compares with the int 0, which is 0 kr (docs/python.md): any other bare number is refused
        # by every operator (test_pandas_idioms.py).
        if isinstance(other, int) and other == 0:
            other = Krona(0)
        expected = ser.combine(other, op).astype("boolean")
        self.assert_series_equal(op(ser, other), expected)


class TestIndex(base.BaseIndexTests):
    pass


class TestArithmeticOps(base.BaseArithmeticOpsTests):
    # Amounts add to and subtract from amounts, and one divided by another is a share (Float64,
    # <NA> where either is unknown or the divisor is 0 kr); every other operator between two
    # amounts (a product, a floor quotient, a power, a remainder) is a TypeError.
    divmod_exc = TypeError

    def _check_op(self, ser, op, other, op_name, exc=NotImplementedError):
        name = op_name.strip("_").lstrip("r")
        if name in ("add", "sub"):
            self.assert_equal(op(ser, other), self._combine(ser, other, op))
        elif name == "truediv":
            def share(x, y):
                x, y = (y, x) if op_name.startswith("__r") else (x, y)
                return pd.NA if x is pd.NA or y is pd.NA or y == 0 else x / y

            expected = self._combine(ser, other, share)
            self.assert_equal(op(ser, other), expected.astype("Float64"))
        else:
            with pytest.raises(TypeError):
                op(ser, other)
