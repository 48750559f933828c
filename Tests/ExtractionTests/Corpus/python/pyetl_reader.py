# Source: pyetl — reader module with DatabaseReader/FileReader (uses pydbclib; found with
# find_string, index id 16565267688; the index did not return the repository name).
# Excerpt: Reader, DatabaseReader, FileReader. Code unchanged.
# Classes: dynamic (lower-case statement assembled with " ".join(["select", fields, "from",
#          table]) and then extended by an f-string "… where {condition}"; the extension is part
#          of the same statement), fragments (the default condition "1=1"), wrappers
#          (_read_dataset wraps db.read), decoys (pandas sep=',', "records").
from abc import ABC, abstractmethod

from pydbclib import connect

from pyetl.dataset import Dataset


class Reader(ABC):

    @abstractmethod
    def read(self, columns):
        pass


class DatabaseReader(Reader):

    def __init__(self, uri, table_name, condition=None, limit=None):
        self.db = connect(uri)
        self.table_name = table_name
        self.condition = condition if condition else "1=1"  # expect: fragment
        self.limit = limit

    def _read_dataset(self, text):
        return Dataset((r for r in self.db.read(text)))

    def _query_text(self, columns):
        fields = [f"{col} as {alias}" for col, alias in columns.items()]
        return " ".join(["select", ",".join(fields), "from", self.table_name])  # expect: dynamic

    def read(self, columns):
        text = self._query_text(columns)
        if isinstance(self.condition, str):
            text = f"{text} where {self.condition}"
            dataset = self._read_dataset(text)
        elif callable(self.condition):
            dataset = self._read_dataset(text).filter(self.condition)
        else:
            raise ValueError("condition 参数错误")
        if isinstance(self.limit, int):
            return dataset.limit(self.limit)
        else:
            return dataset


class FileReader(Reader):

    def __init__(self, file_path, sep=','):
        self.file_path = file_path
        self.sep = sep

    def read(self, columns):
        def get_record(reader):
            for df in reader:
                df = df.rename(columns=columns)
                for record in df.to_dict("records"):
                    yield record
        import pandas
        file_reader = pandas.read_csv(self.file_path, sep=self.sep, chunksize=10000)
        return Dataset(get_record(file_reader))
