// Source: MChainZhou/SQL-database — SQL-database/SQL-database/ViewController.swift
// (license not stated). Complete file, unchanged apart from labels.
// Classes: wrappers (DBConnection, a sqlite3 wrapper type defined elsewhere in the app — not
//          in this file; its execute()/run()
//          receive lower-case SQL), placeholders (?), decoys (resource names "test"/".db",
//          an error print with Chinese text).

import UIKit

class ViewController: UIViewController {

    override func viewDidLoad() {
        super.viewDidLoad()
        do {
            let path = Bundle.main.path(forResource: "test", ofType: ".db")
            let connection = try DBConnection(path!)
            print(connection.readonly)

            //执行SQL
            try connection.execute("create table t_user(t_user_sex text,t_user_name text)") // expect: static

            let statement = try connection.run("insert into t_user(t_user_sex,t_user_name) values(?,?)", "男","Dream") // expect: static

            print(statement.description)


        } catch {
            print("出现了异常\(error)");
        }
    }

    override func didReceiveMemoryWarning() {
        super.didReceiveMemoryWarning()
        // Dispose of any resources that can be recreated.
    }
}
